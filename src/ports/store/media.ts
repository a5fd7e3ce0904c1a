/** Media: the workspace's library of uploaded pictures, clips and audio. */
import type { MediaAsset } from '../../domain/content-item.js';
import type { Page, PageRequest } from './page.js';

export interface MediaAssetRepository {
  create(asset: MediaAsset): Promise<void>;
  find(workspaceId: string, id: string): Promise<MediaAsset | null>;
  listByWorkspace(workspaceId: string, page: PageRequest): Promise<Page<MediaAsset>>;
  delete(workspaceId: string, id: string): Promise<boolean>;
}

/** Content: items, their versions, and the stage cache of the factory. */
import type { ContentItem, ItemStatus, Version } from '../../domain/content-item.js';
import type { Page, PageRequest } from './page.js';

export interface ContentRepository {
  createItem(item: ContentItem): Promise<void>;
  /** Saves what changes over an item's life; its source, creator and series stay as created. */
  updateItem(item: ContentItem): Promise<void>;
  findItem(workspaceId: string, id: string): Promise<ContentItem | null>;
  /** Newest first; optional status filter and title search. */
  listItems(
    workspaceId: string,
    filter: { status?: ItemStatus; search?: string },
    page: PageRequest,
  ): Promise<Page<ContentItem>>;
  createVersion(version: Version): Promise<void>;
  findVersion(workspaceId: string, id: string): Promise<Version | null>;
  /** Versions of an item, newest first. */
  listVersions(workspaceId: string, itemId: string): Promise<Version[]>;
}

export interface StageCacheRepository {
  /** A stage's stored output for this content-addressed key, or null. */
  get(workspaceId: string, key: string): Promise<unknown>;
  put(workspaceId: string, key: string, stage: string, output: unknown, at: string): Promise<void>;
  /** Forgets every stored stage output of the workspace; returns how many there were. */
  clear(workspaceId: string): Promise<number>;
}

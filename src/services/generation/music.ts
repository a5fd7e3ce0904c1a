import type { MusicChoice } from '../../domain/content.js';
import { parseMusicChoice } from '../../domain/music/index.js';
import type { Store } from '../../ports/store.js';
import { findLibraryMusic } from '../library-music.js';
import type { FactoryKit } from './factory-kit.js';

/**
 * The media key of a brief's music file, or null for none: a built-in track (synthesised on first use) or the
 * workspace's own audio upload, refused in plain words when it is gone. Looked up only when a render runs, so a
 * cached render stays usable after its upload is deleted.
 */
export async function musicKeyFor(
  deps: { store: Pick<Store, 'mediaAssets'>; kit: Pick<FactoryKit, 'builtinMusic' | 'mediaStore'> },
  workspaceId: string,
  choice: MusicChoice,
): Promise<string | null> {
  const parsed = parseMusicChoice(choice);
  if (parsed.kind === 'none') return null;
  if (parsed.kind === 'builtin') return deps.kit.builtinMusic(parsed.track);
  const asset = await findLibraryMusic(deps.store.mediaAssets, workspaceId, parsed.assetId, 'render');
  return asset.mediaKey;
}

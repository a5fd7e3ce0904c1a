import type { MediaAsset } from '../../../domain/content-item.js';
import type { VisualSource } from '../../../domain/content.js';
import { beatKeywords, scoreTags } from '../../../domain/visual-cues.js';
import { singleMediaKeyOf } from '../../../domain/visual-source.js';
import type { MediaAssetRepository } from '../../../ports/store.js';
import type { VisualsProvider } from '../../../ports/visuals-provider.js';
import type { VisualsInput } from './generated-visuals.js';

type VisualAsset = MediaAsset & { kind: 'image' | 'video' };

/** Audio uploads are music, never a picture. */
const isVisual = (asset: MediaAsset): asset is VisualAsset => asset.kind !== 'audio';

/** One matching cue word (weight 2) or two text words (1 each) make a fit. */
const DEFAULT_MIN_SCORE = 2;
const PAGE_SIZE = 200;
const MAX_ASSETS = 2000;

/**
 * The workspace's own uploads, matched by their tags against the beat's words. Answers the best asset above
 * the threshold that is not the one the beat before shows; null when nothing fits.
 */
export class LibraryVisuals implements VisualsProvider {
  readonly id = 'library:v1';

  constructor(
    private readonly assets: MediaAssetRepository,
    private readonly minScore = DEFAULT_MIN_SCORE,
  ) {}

  /** The best fitting asset of `input.workspaceId`, or null. */
  async choose(input: VisualsInput): Promise<VisualSource | null> {
    const keywords = beatKeywords(input.beat, input.brief.language);
    if (keywords.cue.length + keywords.text.length === 0) return null;
    const previousKey = singleMediaKeyOf(input.previous);
    const ranked = (await this.workspaceAssets(input.workspaceId))
      .filter(isVisual)
      .filter((asset) => asset.mediaKey !== previousKey)
      .map((asset) => ({ asset, score: scoreTags(keywords, asset.tags) }))
      .filter((candidate) => candidate.score >= this.minScore)
      // Ties go to the newest upload, then the id, so the answer never depends on listing order.
      .sort(
        (a, b) =>
          b.score - a.score ||
          b.asset.createdAt.localeCompare(a.asset.createdAt) ||
          a.asset.id.localeCompare(b.asset.id),
      );
    const best = ranked[0]?.asset;
    return best ? { kind: 'asset', mediaKey: best.mediaKey, mediaType: best.kind } : null;
  }

  private async workspaceAssets(workspaceId: string): Promise<MediaAsset[]> {
    const all: MediaAsset[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.assets.listByWorkspace(workspaceId, { cursor, limit: PAGE_SIZE });
      all.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor && all.length < MAX_ASSETS);
    return all;
  }
}

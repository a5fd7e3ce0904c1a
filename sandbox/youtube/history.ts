import { PERSONA_IDS } from '../core/settings.js';
import { historyPosts, type WorldSettings } from '../core/world.js';
import { seededId, seededUnit } from './hash.js';
import { googleUserFor } from './personas.js';
import type { Video } from './video-model.js';

/** Share of earlier posts whose creator hid the like count. */
const LIKES_HIDDEN_SHARE = 1 / 8;

/**
 * The earlier posts every channel persona already has when the sandbox starts (what an import finds): the
 * world's `historyPosts` for `youtube:<persona>`, as public, processed videos. Rebuilt when the seed or the
 * world's history settings change; a video the admin deleted stays deleted.
 */
export class HistoryCatalog {
  private builtFor = '';
  private byId = new Map<string, Video>();

  constructor(
    private readonly startedAt: number,
    private readonly seed: () => number,
    private readonly world: () => WorldSettings,
  ) {}

  video(id: string): Video | undefined {
    return this.current().get(id);
  }

  /** Every earlier post of a channel, deleted ones included. */
  ofChannel(channelId: string): Video[] {
    return [...this.current().values()].filter((v) => v.channelId === channelId);
  }

  private current(): Map<string, Video> {
    const seed = this.seed();
    const { historyVideos, historyWeeks } = this.world();
    const key = `${seed}|${historyVideos}|${historyWeeks}`;
    if (key !== this.builtFor) {
      const previous = this.byId;
      this.byId = new Map(
        this.build(seed).map((video) => [
          video.id,
          { ...video, deleted: previous.get(video.id)?.deleted ?? false },
        ]),
      );
      this.builtFor = key;
    }
    return this.byId;
  }

  private build(seed: number): Video[] {
    return PERSONA_IDS.flatMap((persona) => {
      const channel = googleUserFor(persona, seed).channel;
      if (!channel) return [];
      return historyPosts(this.world(), seed, `youtube:${persona}`, this.startedAt).map((post): Video => ({
        id: seededId(11, seed, 'history', post.key),
        channelId: channel.id,
        channelTitle: channel.title,
        owner: persona,
        metadata: {
          snippet: { title: post.caption, description: '', tags: [], categoryId: '22' },
          status: {
            privacyStatus: 'public',
            publishAt: null,
            selfDeclaredMadeForKids: false,
            embeddable: true,
            license: 'youtube',
            publicStatsViewable: true,
            containsSyntheticMedia: null,
          },
        },
        uploadedAt: post.postedAtMs,
        bytes: post.durationSec * 750_000,
        outcome: { uploadStatus: 'processed' },
        deleted: false,
        durationSec: post.durationSec,
        likesHidden: seededUnit(seed, post.key, 'likes-hidden') < LIKES_HIDDEN_SHARE,
        audienceKey: post.key,
      }));
    });
  }
}

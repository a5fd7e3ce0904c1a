import type { IllustrationIcon, VisualSource } from '../../../domain/content.js';
import { MAX_ILLUSTRATION_ICONS, SUBJECT_PX, SUPPORT_PX } from '../../../domain/render/illustration.js';
import type { MediaStore } from '../../../ports/media-store.js';
import type { VisualsProvider } from '../../../ports/visuals-provider.js';
import { generatedBackground, type VisualsInput } from './generated-visuals.js';
import { IconMatcher } from './icon-matcher.js';
import { ICON_SET, iconNames, storedIconPicture } from './icon-pictures.js';

/**
 * Pictures of the beat's subject from the bundled emoji set, offline: the visual cue's words pick the icons, and
 * the brief's topic fills in when the cue names nothing the set has (so "person looking at octopuses" and a vague
 * "slow pan across…" both show the octopus). The subject is drawn large over the generated background, the other
 * matches small beside it. Null when neither cue nor topic names a picture (the generated background then shows).
 */
export class IllustrationVisuals implements VisualsProvider {
  readonly id = `illustration:${ICON_SET.prefix}@${ICON_SET.edition}:v1`;

  constructor(
    private readonly store: MediaStore,
    private readonly matcher: IconMatcher = new IconMatcher(iconNames()),
  ) {}

  /** An illustration of the beat, or null when no icon fits. */
  async choose(input: VisualsInput): Promise<VisualSource | null> {
    const names = this.iconsFor(input);
    const icons: IllustrationIcon[] = [];
    for (const [i, iconId] of names.entries()) {
      const mediaKey = await storedIconPicture(this.store, iconId, i === 0 ? SUBJECT_PX : SUPPORT_PX);
      if (mediaKey) icons.push({ iconId, mediaKey });
    }
    if (icons.length === 0) return null;
    return { kind: 'illustration', icons, background: generatedBackground(input), credit: ICON_SET.credit };
  }

  /** The icon names for a beat, subject first: the cue's matches, then the topic's, at most three. */
  iconsFor(input: Pick<VisualsInput, 'beat' | 'brief'>): string[] {
    const language = input.brief.language;
    const cue = this.matcher.matchText(input.beat.visualCue, language);
    const topic = this.matcher.matchText(input.brief.topic, language);
    return [...new Set([...cue, ...topic])].slice(0, MAX_ILLUSTRATION_ICONS);
  }
}

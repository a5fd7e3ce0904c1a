import type { GeneratedBackground, VisualSource } from '../../../domain/content.js';
import { BugError } from '../../../domain/errors.js';
import { resolveStyle } from '../../../domain/style-presets.js';
import { beatKeywords } from '../../../domain/visual-cues.js';
import type { VisualsProvider } from '../../../ports/visuals-provider.js';
import { lookOf, moodOf } from './moods.js';

/** What a visuals provider is asked for one beat. */
export type VisualsInput = Parameters<VisualsProvider['choose']>[0];

const MAX_COLOURS = 3;

/**
 * Animated backgrounds drawn by the renderer, offline: the beat's words pick the mood (calm → gradient and
 * slow zooms, tech → grid, energetic → dots and pans), the style gives the colours, and the beat index varies
 * pattern, camera move and colour order from one beat to the next. Same input, same answer.
 */
export class GeneratedVisuals implements VisualsProvider {
  readonly id = 'generated:v1';

  /** Always answers. */
  async choose(input: VisualsInput): Promise<VisualSource> {
    return { kind: 'generated', ...generatedBackground(input) };
  }
}

/** The beat's animated background: mood from its words, colours from the style, varied by the beat index. */
export function generatedBackground(input: VisualsInput): GeneratedBackground {
  const style = resolveStyle(input.brief);
  const mood = moodOf(beatKeywords(input.beat, input.brief.language));
  const look = mood ? lookOf(mood) : style;
  return {
    pattern: pick(look.patterns, input.beatIndex),
    // Shifted once per round of patterns, so pattern and move do not always come in the same pairs.
    motion: pick(look.motions, input.beatIndex + Math.floor(input.beatIndex / look.patterns.length)),
    colors: rotate(style.palette, input.beatIndex).slice(0, MAX_COLOURS),
  };
}

function pick<T>(options: readonly T[], index: number): T {
  const chosen = options[index % options.length];
  if (chosen === undefined) throw new BugError('no_visual_options', 'A look has no patterns or motions');
  return chosen;
}

function rotate<T>(items: readonly T[], by: number): T[] {
  const shift = items.length === 0 ? 0 : by % items.length;
  return [...items.slice(shift), ...items.slice(0, shift)];
}

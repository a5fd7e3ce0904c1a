import { buildAss, type OverlayText } from '../captions/ass.js';
import type { CaptionCue, VisualSegment } from '../content.js';
import type { RenderPlan } from '../render-plan.js';
import { assFamilyForFile } from './fonts.js';

/** The ASS file for a plan: its captions in its caption style, and the segments' overlay text. */
export function buildPlanAss(plan: RenderPlan): string {
  return buildAss(plan.captions, plan.captionStyle, {
    fontName: assFamilyForFile(plan.fontFile),
    palette: plan.palette,
    width: plan.width,
    height: plan.height,
    overlays: overlaysOf(plan.segments, plan.captions),
  });
}

/**
 * The segments' overlay text, each over its segment. The first segment's is the hook's title card (the visuals stage
 * times the hook first): it is left out wherever a caption is on screen at any instant of it, since the captions
 * already say those words, and the same sentence twice at once (title card and caption) reads as a glitch. With
 * captions, the hook is therefore its caption; without, its title card. Later segments' overlays are kinetic key
 * words, a few big words at the top by design of the kinetic styles, and stay.
 */
export function overlaysOf(
  segments: readonly VisualSegment[],
  captions: readonly Pick<CaptionCue, 'startMs' | 'endMs'>[],
): OverlayText[] {
  return segments
    .filter(
      (s): s is VisualSegment & { overlayText: string } =>
        s.overlayText !== null && s.overlayText.trim() !== '',
    )
    .filter(
      (s) => s !== segments[0] || !captions.some((cue) => cue.startMs < s.endMs && s.startMs < cue.endMs),
    )
    .map((s) => ({ startMs: s.startMs, endMs: s.endMs, text: s.overlayText }));
}

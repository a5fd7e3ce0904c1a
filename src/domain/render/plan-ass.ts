import { buildAss, type OverlayText } from '../captions/ass.js';
import type { VisualSegment } from '../content.js';
import type { RenderPlan } from '../render-plan.js';
import { assFamilyForFile } from './fonts.js';

/** The ASS file for a plan: its captions in its caption style, and the segments' overlay text. */
export function buildPlanAss(plan: RenderPlan): string {
  return buildAss(plan.captions, plan.captionStyle, {
    fontName: assFamilyForFile(plan.fontFile),
    palette: plan.palette,
    width: plan.width,
    height: plan.height,
    overlays: overlaysOf(plan.segments),
  });
}

/** The segments' kinetic overlay text, each shown over its segment. */
export function overlaysOf(segments: readonly VisualSegment[]): OverlayText[] {
  return segments
    .filter(
      (s): s is VisualSegment & { overlayText: string } =>
        s.overlayText !== null && s.overlayText.trim() !== '',
    )
    .map((s) => ({ startMs: s.startMs, endMs: s.endMs, text: s.overlayText }));
}

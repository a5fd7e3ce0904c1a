import { timeScriptParts } from '../../../domain/beat-timing.js';
import type { Script, VisualSegment, VoiceOver } from '../../../domain/content.js';
import { overlayTextFor } from '../../../domain/visual-cues.js';
import type { Look, StageContext } from './stage-context.js';

/** What is shown during each part of the voice-over (hook, beats, call to action), timed on its words. */
export function chooseVisuals(
  ctx: StageContext,
  script: Script,
  voice: VoiceOver,
  look: Look,
): Promise<VisualSegment[]> {
  return ctx.run<VisualSegment[]>(
    'visuals',
    ctx.kit.visuals.id,
    { script, timing: voice.words, durationMs: voice.durationMs, style: look },
    async () => segmentsFor(ctx, script, voice),
  );
}

async function segmentsFor(ctx: StageContext, script: Script, voice: VoiceOver): Promise<VisualSegment[]> {
  const { kit, workspaceId, brief, signal } = ctx;
  const parts = timeScriptParts(script, voice.words, voice.durationMs);
  const segments: VisualSegment[] = [];
  for (const part of parts) {
    const beat =
      part.kind === 'beat'
        ? script.beats[part.beatIndex]!
        : {
            text: part.kind === 'hook' ? script.hook : script.callToAction,
            visualCue: part.kind === 'hook' ? script.hook : script.callToAction,
          };
    const source = await kit.visuals.choose({ workspaceId, brief, beat, beatIndex: segments.length }, signal);
    segments.push({
      startMs: part.startMs,
      endMs: part.endMs,
      source,
      // The hook's title card (kept only where no caption shows, see plan-ass.ts); over a generated background,
      // the beat's key words when the style calls for kinetic text (an illustration shows the beat instead).
      overlayText:
        part.kind === 'hook'
          ? script.hook
          : part.kind === 'beat' && source.kind === 'generated'
            ? overlayTextFor(beat, brief)
            : null,
    });
  }
  return segments;
}

import type { Brief, Script, VoiceOver } from '../../../domain/content.js';
import {
  countWords,
  lengthFits,
  refitWordCount,
  spokenText,
  targetWordCount,
  validateScript,
} from '../../../domain/script-rules.js';
import { readingPaceTimings } from '../../../domain/speech/reading-pace.js';
import type { VoiceEngine } from '../../../ports/voice-engine.js';
import type { ProgressTracker } from '../progress-tracker.js';
import { cacheMediaKey, fileStillThere, type StageContext } from './stage-context.js';

/** How many times a script may be rewritten to fit the brief's duration. */
const MAX_RETAKES = 2;

/** A script and its voice-over, with their stage cache keys. */
interface Take {
  script: Script;
  voice: VoiceOver;
  keys: ReturnType<ProgressTracker['keysOf']>;
}

/**
 * The script and its voice-over. A written script is voiced; while the voice-over misses the brief's duration,
 * it is rewritten to the word count the voice's measured pace needs (at most MAX_RETAKES times: writers hit a
 * word count only roughly), and the take closest to the duration is kept. An edited script is the person's
 * words: kept as it is.
 */
export async function writeAndVoice(
  ctx: StageContext,
): Promise<{ script: Script; voice: VoiceOver; refitted: boolean }> {
  const { brief, edits, progress } = ctx;
  const engine = ctx.kit.voiceFor(brief);
  const targetMs = brief.durationSeconds * 1000;
  const miss = (take: Take) => Math.abs(take.voice.durationMs - targetMs);
  const makeTake = async (ask: number, retake: boolean): Promise<Take> => {
    const script = await writeScript(ctx, ask, retake);
    const voice = await speak(ctx, engine, script, retake);
    return { script, voice, keys: progress.keysOf('script', 'voice') };
  };
  const first = await makeTake(targetWordCount(brief.durationSeconds, engine?.wordsPerSecond), false);
  let [best, last] = [first, first];
  for (let retakes = 0; !edits.script && retakes < MAX_RETAKES; retakes++) {
    if (lengthFits(last.voice.durationMs, brief.durationSeconds)) break;
    const spoken = countWords(spokenText(last.script));
    last = await makeTake(refitWordCount(spoken, last.voice.durationMs, brief.durationSeconds), true);
    if (miss(last) < miss(best)) best = last;
  }
  progress.useKeys(best.keys);
  return { script: best.script, voice: best.voice, refitted: best !== first };
}

function writeScript(ctx: StageContext, targetWords: number, retake: boolean): Promise<Script> {
  const { kit, brief, edits, signal } = ctx;
  return ctx.run<Script>(
    'script',
    edits.script ? 'edited' : kit.scriptWriter.id,
    edits.script ?? { brief: wordsOfBrief(brief), targetWords },
    async () => {
      const written = edits.script ?? (await kit.scriptWriter.write(brief, { targetWords }, signal));
      validateScript(written);
      return written;
    },
    undefined,
    retake,
  );
}

function speak(
  ctx: StageContext,
  engine: VoiceEngine | null,
  script: Script,
  retake: boolean,
): Promise<VoiceOver> {
  const { kit, brief, signal } = ctx;
  const voiceInput = { text: spokenText(script), language: script.language, voice: brief.voice };
  return ctx.run<VoiceOver>(
    'voice',
    engine?.id ?? 'none',
    voiceInput,
    async (key) => {
      if (!engine) {
        const pace = readingPaceTimings(voiceInput.text);
        return {
          audioKey: null,
          durationMs: pace.durationMs,
          words: pace.words,
          engine: 'none',
          voice: 'none',
        };
      }
      const scratch = await kit.mediaStore.scratch();
      try {
        const result = await engine.synthesize({ ...voiceInput, outDir: scratch.dir }, signal);
        const audioKey = cacheMediaKey(ctx.workspaceId, 'voice', key, 'wav');
        await kit.mediaStore.put(audioKey, result.wavPath);
        return {
          audioKey,
          durationMs: result.durationMs,
          words: result.words,
          engine: engine.id,
          voice: brief.voice,
        };
      } finally {
        await scratch.cleanup();
      }
    },
    (v) => fileStillThere(kit, v.audioKey),
    retake,
  );
}

/**
 * The brief fields that shape a script's words: other fields (look, music, platforms) must not re-write it. An
 * unset hook style is left out of the key, so briefs without one keep the keys they had before the field existed.
 */
function wordsOfBrief(brief: Brief) {
  const { topic, keyPoints, audience, tone, language, durationSeconds, hookStyle } = brief;
  return { topic, keyPoints, audience, tone, language, durationSeconds, hookStyle };
}

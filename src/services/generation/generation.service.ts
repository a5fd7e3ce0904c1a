import type {
  Brief,
  CaptionCue,
  MusicChoice,
  PlatformMetadata,
  Script,
  VisualSegment,
  VoiceOver,
} from '../../domain/content.js';
import type { GeneratedOutputs, Stage, Version, VersionEdits } from '../../domain/content-item.js';
import { newId } from '../../domain/ids.js';
import { timeScriptParts } from '../../domain/beat-timing.js';
import { countWords, lengthFits, refitWordCount, targetWordCount } from '../../domain/script-rules.js';
import { musicIdentity, musicOf, musicParameter, withoutMusic } from '../../domain/music/index.js';
import type { RenderPlan } from '../../domain/render-plan.js';
import { isoNow, type Clock } from '../../ports/clock.js';
import type { Store } from '../../ports/store.js';
import { stageKey } from './canonical-hash.js';
import type { FactoryKit } from './factory-kit.js';
import { musicKeyFor } from './music.js';
import { runStage, StageFailure, type StageRun } from './stage-runner.js';

// Share of the whole generation each stage usually takes (rendering dominates).
const WEIGHTS: Record<Stage, number> = {
  script: 0.05,
  voice: 0.12,
  visuals: 0.05,
  captions: 0.02,
  render: 0.62,
  cover: 0.04,
  metadata: 0.02,
  preflight: 0.08,
};

/** How many times a script may be rewritten to fit the brief's duration. */
const MAX_RETAKES = 2;

/** A script and its voice-over, with their stage cache keys. */
interface Take {
  script: Script;
  voice: VoiceOver;
  keys: Partial<Record<Stage, string>>;
}

/** A version the factory made (before it is numbered): its outputs are every stage's. */
export type GeneratedVersion = Omit<Version, 'number' | 'outputs'> & { outputs: GeneratedOutputs };

export type ProgressListener = (stage: Stage, fraction: number, overall: number) => void;

export interface GenerationDeps {
  store: Store;
  clock: Clock;
  kit: FactoryKit;
}

/** The factory line: brief (and edits) → script → voice → visuals → captions → render → cover → metadata → preflight. */
export class GenerationService {
  constructor(private readonly deps: GenerationDeps) {}

  /** Produces a version; unchanged stages come from the cache, so an edit re-runs only what depends on it. */
  async generate(
    workspaceId: string,
    itemId: string,
    brief: Brief,
    edits: VersionEdits,
    onProgress: ProgressListener = () => undefined,
    signal?: AbortSignal,
  ): Promise<GeneratedVersion> {
    const { kit } = this.deps;
    const log: Version['stageLog'] = [];
    // The cache key of each stage's output that this version uses; together they make its content hash.
    const keys: Partial<Record<Stage, string>> = {};
    let done = 0;
    /** Runs a stage; a retake (the script rewritten to fit the duration) adds to the stage's log entry. */
    const track = async <T>(stage: Stage, run: () => Promise<StageRun<T>>, retake: boolean): Promise<T> => {
      onProgress(stage, 0, retake ? done - WEIGHTS[stage] : done);
      const result = await run();
      const entry = retake ? log.find((e) => e.stage === stage) : undefined;
      if (entry) {
        entry.cached &&= result.cached;
        entry.ms += result.ms;
      } else {
        done += WEIGHTS[stage];
        log.push({ stage, cached: result.cached, ms: result.ms });
      }
      keys[stage] = result.key;
      onProgress(stage, 1, Math.min(1, done));
      return result.output;
    };
    const stage = <T>(
      name: Stage,
      engine: string,
      input: unknown,
      compute: (key: string) => Promise<T>,
      valid?: (o: T) => Promise<boolean>,
      retake = false,
    ) => track(name, () => runStage(this.deps, workspaceId, name, engine, input, compute, valid), retake);
    const fileExists = (key: string | null) =>
      key ? this.deps.kit.mediaStore.exists(key) : Promise.resolve(true);
    const mediaKey = (kind: string, key: string, ext: string) =>
      `workspaces/${workspaceId}/cache/${kind}/${key}.${ext}`;

    const writeScript = (targetWords: number, retake: boolean) =>
      stage<Script>(
        'script',
        edits.script ? 'edited' : kit.scriptWriter.id,
        edits.script ?? { brief: wordsOfBrief(brief), targetWords },
        async () => {
          const written = edits.script ?? (await kit.scriptWriter.write(brief, { targetWords }, signal));
          kit.validateScript(written);
          return written;
        },
        undefined,
        retake,
      );

    const engine = kit.voiceFor(brief);
    const speak = (script: Script, retake: boolean) => {
      const voiceInput = { text: kit.spokenText(script), language: script.language, voice: brief.voice };
      return stage<VoiceOver>(
        'voice',
        engine?.id ?? 'none',
        voiceInput,
        async (key) => {
          if (!engine) {
            const pace = kit.readingPaceTimings(voiceInput.text);
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
            const audioKey = mediaKey('voice', key, 'wav');
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
        (v) => fileExists(v.audioKey),
        retake,
      );
    };

    // A written script is voiced; while the voice-over misses the brief's duration, it is rewritten to the word
    // count the voice's measured pace needs (at most MAX_RETAKES times: writers hit a word count only roughly),
    // and the take closest to the duration is kept. An edited script is the person's words: kept as it is.
    const targetMs = brief.durationSeconds * 1000;
    const miss = (take: Take) => Math.abs(take.voice.durationMs - targetMs);
    const makeTake = async (ask: number, retake: boolean): Promise<Take> => {
      const script = await writeScript(ask, retake);
      const voice = await speak(script, retake);
      return { script, voice, keys: { script: keys.script, voice: keys.voice } };
    };
    const first = await makeTake(targetWordCount(brief.durationSeconds, engine?.wordsPerSecond), false);
    let [best, last] = [first, first];
    for (let retakes = 0; !edits.script && retakes < MAX_RETAKES; retakes++) {
      if (lengthFits(last.voice.durationMs, brief.durationSeconds)) break;
      const spoken = countWords(kit.spokenText(last.script));
      last = await makeTake(refitWordCount(spoken, last.voice.durationMs, brief.durationSeconds), true);
      if (miss(last) < miss(best)) best = last;
    }
    Object.assign(keys, best.keys);
    const { script, voice } = best;
    const refitted = best !== first;

    const style = kit.resolveStyle(brief);
    const visualsEngine = kit.visuals.map((v) => v.id).join('+');
    const visuals = await stage<VisualSegment[]>(
      'visuals',
      visualsEngine,
      { script, timing: voice.words, durationMs: voice.durationMs, style },
      async () => this.chooseVisuals(workspaceId, brief, script, voice, signal),
    );

    const captions = await stage<CaptionCue[]>(
      'captions',
      'cues@2',
      { words: voice.words, edits: edits.captionText ?? {} },
      async () => applyCaptionEdits(kit.buildCaptionCues(voice.words), edits.captionText ?? {}),
    );

    const music = musicIdentity(musicOf(brief));
    const render = await stage<{ videoKey: string; durationMs: number }>(
      'render',
      kit.renderIdentity,
      {
        visuals,
        captions,
        style,
        voice: voice.audioKey,
        durationMs: voice.durationMs,
        music,
      },
      async (key) =>
        this.render(
          workspaceId,
          key,
          { visuals, captions, voice, style, music: musicOf(brief) },
          (f) => onProgress('render', f, done + f * WEIGHTS.render),
          signal,
        ),
      (r) => fileExists(r.videoKey),
    );

    const coverAtMs = Math.min(1500, Math.floor(render.durationMs / 3));
    const cover = await stage<{ coverKey: string }>(
      'cover',
      kit.media.description,
      { video: render.videoKey, coverAtMs },
      async (key) => {
        const coverKey = mediaKey('cover', key, 'jpg');
        await kit.media.ffmpeg(
          kit.buildCoverArgs(
            kit.mediaStore.pathOf(render.videoKey),
            coverAtMs,
            kit.mediaStore.pathOf(coverKey),
          ),
          kit.mediaStore.pathOf(coverKey),
          { expectedMs: 40, ...(signal ? { signal } : {}) },
        );
        return { coverKey };
      },
      (c) => fileExists(c.coverKey),
    );

    const metadata = await stage<PlatformMetadata>(
      'metadata',
      'metadata@1',
      { script, brief: withoutMusic(brief), edited: edits.metadata ?? null },
      async () => {
        const built = edits.metadata ?? kit.buildPlatformMetadata(script, brief);
        const problems = kit.validateMetadata(built);
        if (problems.length > 0)
          throw new Error(problems.map((p) => `${p.platform} ${p.field}: ${p.message}`).join('; '));
        return built;
      },
    );

    const checked = await stage(
      'preflight',
      'preflight@1',
      { video: render.videoKey, platforms: brief.platforms },
      async () => {
        const media = await kit.media.probe(kit.mediaStore.pathOf(render.videoKey));
        return { media, violations: kit.preflight(media, brief.platforms) };
      },
    );

    const outputs: GeneratedOutputs = {
      script,
      voice,
      visuals,
      captions,
      videoKey: render.videoKey,
      coverKey: cover.coverKey,
      coverAtMs,
      metadata,
      media: checked.media,
      preflight: checked.violations,
    };
    return {
      id: newId(),
      itemId,
      workspaceId,
      contentHash: stageKey('version', 'v1', Object.values(keys)),
      outputs,
      edits,
      parameters: {
        scriptWriter: script.writer,
        voiceEngine: voice.engine,
        voice: brief.voice,
        language: script.language,
        stylePreset: brief.stylePreset,
        captionStyle: brief.captionStyle,
        durationSeconds: brief.durationSeconds,
        music: musicParameter(musicOf(brief)),
        lengthRefitted: refitted,
        beats: script.beats.length,
        visualsSource: summarizeSources(visuals),
        hookWords: script.hook.split(/\s+/).length,
      },
      stageLog: log,
      createdAt: isoNow(this.deps.clock),
    };
  }

  private async chooseVisuals(
    workspaceId: string,
    brief: Brief,
    script: Script,
    voice: VoiceOver,
    signal?: AbortSignal,
  ): Promise<VisualSegment[]> {
    const { kit } = this.deps;
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
      const source = await kit.chooseVisuals(
        kit.visuals,
        { workspaceId, brief, beat, beatIndex: segments.length },
        signal,
      );
      segments.push({
        startMs: part.startMs,
        endMs: part.endMs,
        source,
        overlayText: part.kind === 'hook' ? script.hook : null,
      });
    }
    return segments;
  }

  private async render(
    workspaceId: string,
    key: string,
    input: {
      visuals: VisualSegment[];
      captions: CaptionCue[];
      voice: VoiceOver;
      style: ReturnType<FactoryKit['resolveStyle']>;
      music: MusicChoice;
    },
    onFraction: (fraction: number) => void,
    signal?: AbortSignal,
  ): Promise<{ videoKey: string; durationMs: number }> {
    const { kit } = this.deps;
    const videoKey = `workspaces/${workspaceId}/cache/render/${key}.mp4`;
    const musicKey = await musicKeyFor(this.deps, workspaceId, input.music);
    const files: Record<string, string> = {};
    for (const segment of input.visuals) {
      if (segment.source.kind !== 'generated')
        files[segment.source.mediaKey] = kit.mediaStore.pathOf(segment.source.mediaKey);
    }
    const plan: RenderPlan = {
      width: 1080,
      height: 1920,
      fps: 30,
      durationMs: input.voice.durationMs,
      segments: input.visuals,
      files,
      captions: input.captions,
      captionStyle: input.style.captionStyle,
      fontFile: input.style.fontFile,
      palette: input.style.palette,
      voicePath: input.voice.audioKey ? kit.mediaStore.pathOf(input.voice.audioKey) : null,
      musicPath: musicKey ? kit.mediaStore.pathOf(musicKey) : null,
    };
    const scratch = await kit.mediaStore.scratch();
    try {
      const assPath = `${scratch.dir}/captions.ass`;
      await kit.writeTextFile(assPath, kit.buildAss(plan));
      const output = kit.mediaStore.pathOf(videoKey);
      await kit.media.ffmpeg(kit.buildRenderArgs(plan, output, assPath), output, {
        expectedMs: plan.durationMs,
        onProgress: (p) => onFraction(p.fraction),
        ...(signal ? { signal } : {}),
      });
      return { videoKey, durationMs: plan.durationMs };
    } finally {
      await scratch.cleanup();
    }
  }
}

/** Replaces the words of edited cues, keeping their timing (a typo fix must not shift the captions). */
export function applyCaptionEdits(cues: CaptionCue[], edits: Record<number, string>): CaptionCue[] {
  return cues.map((cue, index) => {
    const text = edits[index];
    if (text === undefined) return cue;
    const words = text.split(/\s+/).filter(Boolean);
    if (words.length === 0) return cue;
    const span = cue.endMs - cue.startMs;
    return {
      ...cue,
      words: words.map((word, i) => ({
        text: word,
        startMs: cue.startMs + Math.round((span * i) / words.length),
        endMs: cue.startMs + Math.round((span * (i + 1)) / words.length),
      })),
    };
  });
}

/** The brief fields that shape a script's words: other fields (look, music, platforms) must not re-write it. */
function wordsOfBrief(brief: Brief) {
  const { topic, keyPoints, audience, tone, language, durationSeconds } = brief;
  return { topic, keyPoints, audience, tone, language, durationSeconds };
}

function summarizeSources(visuals: VisualSegment[]): string {
  const kinds = new Set(visuals.map((v) => v.source.kind));
  return [...kinds].sort().join('+');
}

export { StageFailure };

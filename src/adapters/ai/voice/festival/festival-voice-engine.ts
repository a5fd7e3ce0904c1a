import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UserError } from '../../../../domain/errors.js';
import type { SynthesisResult, VoiceEngine, VoiceInfo } from '../../../../ports/voice-engine.js';
import { pcmDurationMs } from '../../../audio/pcm.js';
import { readWavFile } from '../../../audio/wav-file.js';
import { completeTimings } from '../timings.js';
import { isDefaultVoice, requireWords, writeVoiceWav, type SynthesisInput } from '../voice-output.js';
import {
  DEBIAN_FESTIVAL_VOICES_DIR,
  festivalStatus,
  runFestival,
  type FestivalStatus,
} from './festival-runner.js';
import { festivalScript, festivalSpans, festivalText, parseFestivalOutput } from './festival-script.js';

/** The voice Debian's festvox-us-slt-hts installs: the most natural of the packaged English voices. */
export const FESTIVAL_PREFERRED_VOICE = 'cmu_us_slt_arctic_hts';

export interface FestivalOptions {
  /** The festival executable, by name (searched on PATH) or path. */
  binary?: string;
  voicesDir?: string;
  timeoutMs?: number;
}

/** Festival (English only): a warmer offline voice than eSpeak, with word end times from its Word relation. */
export class FestivalVoiceEngine implements VoiceEngine {
  readonly id = 'festival';
  readonly offline = true;
  private status: Promise<FestivalStatus> | null = null;

  constructor(private readonly options: FestivalOptions = {}) {}

  /** Whether Festival can run here; the reason in plain words when not. */
  availability(): Promise<FestivalStatus> {
    this.status ??= festivalStatus(this.options.binary, this.options.voicesDir ?? DEBIAN_FESTIVAL_VOICES_DIR);
    return this.status;
  }

  /** The installed English voices; none when Festival is not installed. */
  async voices(): Promise<VoiceInfo[]> {
    const status = await this.availability();
    return status.available ? status.voices.map((v) => ({ id: v, name: v, languages: ['en'] })) : [];
  }

  /** Speaks English text; "default" picks cmu_us_slt_arctic_hts when installed. */
  async synthesize(input: SynthesisInput, signal?: AbortSignal): Promise<SynthesisResult> {
    const status = await this.availability();
    if (!status.available) throw new UserError('validation', 'voice_engine_unavailable', status.reason);
    if (!/^en(\b|[-_])/i.test(input.language)) {
      throw new UserError(
        'validation',
        'voice_language_unsupported',
        `Festival speaks English only, not "${input.language}"; choose the offline eSpeak voice or a cloud voice`,
      );
    }
    const voice = pickVoice(status.voices, input.voice);
    const words = requireWords(input.text, input.language);
    // Festival reads the script as Latin-1: its wave goes to a plain scratch path, then is copied out as checked PCM.
    const scratch = await mkdtemp(join(tmpdir(), 'festival-'));
    try {
      const rawPath = join(scratch, 'festival.wav');
      const script = festivalScript({ text: festivalText(words), voice, wavPath: rawPath });
      const { stdout } = await runFestival(status.binary, script, {
        timeoutMs: this.options.timeoutMs ?? 60_000,
        signal,
      });
      const pcm = await readWavFile(rawPath);
      const durationMs = pcmDurationMs(pcm);
      const spans = festivalSpans(words, parseFestivalOutput(stdout));
      const wavPath = await writeVoiceWav(input.outDir, 'festival', pcm);
      return { wavPath, durationMs, words: completeTimings(words, spans, durationMs) };
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
  }
}

function pickVoice(installed: string[], voice: string): string {
  if (isDefaultVoice(voice)) {
    return installed.includes(FESTIVAL_PREFERRED_VOICE) ? FESTIVAL_PREFERRED_VOICE : (installed[0] ?? '');
  }
  if (!installed.includes(voice)) {
    throw new UserError('validation', 'voice_unknown', `Festival has no voice "${voice}" installed`);
  }
  return voice;
}

import type { BuiltinMusicTrack } from '../content.js';
import type { BedDescription } from './bed.js';

/** Sample rate of the built-in tracks: the renderer's output rate, so nothing is resampled. */
export const BUILTIN_SAMPLE_RATE = 48_000;

/**
 * Bump a track's version when its description (or the synth) changes how it sounds: the file name and the
 * render cache key carry it, so a new sound never reuses an old file or render.
 */
export const BUILTIN_TRACK_VERSION: Record<BuiltinMusicTrack, number> = { calm: 1, bright: 1 };

// Both sit around -20 dBFS RMS before the renderer's own music gain, well under a voice-over.
const TARGET_RMS_DB = -20;

/** The built-in beds: calm (slow pad chords, C major with a Lydian colour) and bright (lighter, with a pulse). */
export const BUILTIN_BEDS: Record<BuiltinMusicTrack, BedDescription> = {
  calm: {
    seed: 0x5eed_ca1,
    sampleRate: BUILTIN_SAMPLE_RATE,
    tempoBpm: 60,
    beatsPerChord: 5,
    // Cmaj7, Am9, Fmaj7(#11), G6sus: 4 chords of 5 s, a 20 s loop.
    chords: [
      [36, 52, 55, 59, 64],
      [45, 52, 55, 59, 60],
      [41, 52, 57, 59, 64],
      [43, 50, 55, 57, 62],
    ],
    pad: {
      harmonics: [1, 0.42, 0.2, 0.1, 0.05, 0.025],
      unison: 3,
      detuneCents: 7,
      attackSeconds: 1.6,
      releaseSeconds: 2.2,
      gain: 1,
    },
    pulse: null,
    roomMix: 0.35,
    targetRmsDb: TARGET_RMS_DB,
  },
  bright: {
    seed: 0xb219_47,
    sampleRate: BUILTIN_SAMPLE_RATE,
    tempoBpm: 100,
    beatsPerChord: 8,
    // Gadd9, Em7, Cmaj7, Dsus4 a register higher, two bars each at 100 bpm: a 19.2 s loop.
    chords: [
      [55, 59, 62, 69],
      [52, 55, 59, 62],
      [48, 55, 59, 64],
      [50, 55, 57, 62],
    ],
    pad: {
      harmonics: [1, 0.5, 0.3, 0.16, 0.09, 0.05, 0.025],
      unison: 2,
      detuneCents: 6,
      attackSeconds: 0.7,
      releaseSeconds: 1.3,
      gain: 0.35,
    },
    pulse: {
      harmonics: [1, 0.3, 0.12, 0.05],
      perBeat: 2,
      pattern: [0, 2, 1, 3, 2, 1, 3, 2],
      octave: 1,
      decaySeconds: 0.2,
      gain: 1,
      humanize: 0.2,
    },
    roomMix: 0.3,
    targetRmsDb: TARGET_RMS_DB,
  },
};

/** Where a built-in track's WAV lives in the media store, named by its version. */
export function builtinTrackKey(track: BuiltinMusicTrack): string {
  return `builtin/music/${track}-v${BUILTIN_TRACK_VERSION[track]}.wav`;
}

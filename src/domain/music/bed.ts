/**
 * A loopable music bed as data: the chords, the instruments and a seed for their small random variations.
 * The synth turns one into samples; equal descriptions always give equal samples.
 */
export interface BedDescription {
  /** Seeds the detuning, phases and note loudness variations. */
  seed: number;
  sampleRate: number;
  /** Must make a whole number of samples per pulse step (e.g. 60 or 100 at 48 kHz). */
  tempoBpm: number;
  /** Each chord lasts this many beats; the loop is all the chords once. */
  beatsPerChord: number;
  /** MIDI note numbers (60 = middle C), lowest first, one list per chord. */
  chords: number[][];
  pad: PadVoice;
  /** Short plucked notes stepping through the chord tones; null for a bed without a pulse. */
  pulse: PulseVoice | null;
  /** Share of the signal that comes from the small room (0..1). */
  roomMix: number;
  /** Loudness (RMS over the loop, dBFS) the bed is scaled to, unless its peaks would pass the ceiling. */
  targetRmsDb: number;
}

/** Sustained chord notes that fade into each other. */
export interface PadVoice {
  /** Amplitudes of the partials 1, 2, 3…: few and falling fast for a soft sound. */
  harmonics: number[];
  /** Detuned copies of each note, spread across the stereo field (a chorus). */
  unison: number;
  detuneCents: number;
  attackSeconds: number;
  /** How long a chord rings on into the next one. */
  releaseSeconds: number;
  gain: number;
}

/** Soft plucks on every step, cycling through the tones of the chord that sounds. */
export interface PulseVoice {
  harmonics: number[];
  /** Notes per beat (2 = eighth notes). */
  perBeat: number;
  /** Which tones of the chord, in turn (an index into it, wrapping). */
  pattern: number[];
  /** Octaves above the chord's own notes. */
  octave: number;
  decaySeconds: number;
  gain: number;
  /** Random loudness variation per note (0..1), so the pulse does not sound mechanical. */
  humanize: number;
}

/** Two channels of samples in -1..1. */
export interface StereoPcm {
  sampleRate: number;
  left: Float32Array;
  right: Float32Array;
}

import type { StereoPcm } from './bed.js';

const TABLE_SIZE = 4096;

/** One cycle of a waveform made of the given partials, peak 1, with a guard sample for interpolation. */
export function wavetable(harmonics: readonly number[]): Float32Array {
  const table = new Float32Array(TABLE_SIZE + 1);
  let peak = 0;
  for (let i = 0; i < TABLE_SIZE; i++) {
    let value = 0;
    harmonics.forEach((amplitude, k) => {
      value += amplitude * Math.sin((2 * Math.PI * (k + 1) * i) / TABLE_SIZE);
    });
    table[i] = value;
    peak = Math.max(peak, Math.abs(value));
  }
  for (let i = 0; i < TABLE_SIZE; i++) table[i] = table[i]! / (peak || 1);
  table[TABLE_SIZE] = table[0]!;
  return table;
}

/** Frequency in Hz of a MIDI note (A4 = 69 = 440 Hz). */
export function midiHz(note: number): number {
  return 440 * 2 ** ((note - 69) / 12);
}

/** A raised-cosine ramp from 0 to 1 over `length` samples: no corner, so no click. */
export function rampUp(length: number): Float32Array {
  const ramp = new Float32Array(Math.max(1, length));
  for (let i = 0; i < ramp.length; i++) ramp[i] = 0.5 - 0.5 * Math.cos((Math.PI * i) / ramp.length);
  return ramp;
}

export interface Tone {
  table: Float32Array;
  hz: number;
  /** First sample; the tone wraps around the end of the buffer, so the loop has no seam. */
  start: number;
  /** Loudness shape per sample from the tone's start; its length is the tone's length. */
  envelope: Float32Array;
  gain: number;
  /** -1 (left) .. 1 (right). */
  pan: number;
  /** Where in its cycle the tone starts (0..1). */
  phase: number;
}

/** Adds a tone into the buffer, wrapping past the end to the start (the buffer is one turn of a loop). */
export function addTone(out: StereoPcm, tone: Tone): void {
  const { left, right } = out;
  const { table, envelope } = tone;
  const length = left.length;
  const angle = ((tone.pan + 1) * Math.PI) / 4;
  const toLeft = Math.cos(angle) * tone.gain;
  const toRight = Math.sin(angle) * tone.gain;
  const step = (tone.hz * TABLE_SIZE) / out.sampleRate;
  let phase = tone.phase * TABLE_SIZE;
  let at = tone.start % length;
  for (let k = 0; k < envelope.length; k++) {
    const index = phase | 0;
    const low = table[index]!;
    const value = (low + (table[index + 1]! - low) * (phase - index)) * envelope[k]!;
    left[at] = left[at]! + value * toLeft;
    right[at] = right[at]! + value * toRight;
    phase += step;
    if (phase >= TABLE_SIZE) phase -= TABLE_SIZE;
    if (++at === length) at = 0;
  }
}

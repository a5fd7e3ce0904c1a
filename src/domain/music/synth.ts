import { BugError } from '../errors.js';
import type { BedDescription, PadVoice, PulseVoice, StereoPcm } from './bed.js';
import { room } from './room.js';
import { addTone, midiHz, rampUp, wavetable } from './tone.js';

// Peaks stay this far under full scale, whatever loudness is asked for.
const PEAK_CEILING_DB = -3;
// The right channel's room is a few samples longer than the left's: a wider, less boxy sound.
const ROOM_SPREAD_SAMPLES = 23;
const PULSE_ATTACK_SECONDS = 0.006;
const PULSE_FADE_SECONDS = 0.012;

/**
 * Synthesises one turn of a loopable bed: pad chords that fade into each other and an optional soft pulse,
 * in a small room, scaled to the bed's loudness. Notes that ring past the end wrap to the start, so the last
 * sample flows into the first and the loop has no seam. Pure and deterministic: same description, same samples.
 */
export function renderBed(bed: BedDescription): StereoPcm {
  const stepsPerBeat = bed.pulse?.perBeat ?? 1;
  const stepSamples = (bed.sampleRate * 60) / bed.tempoBpm / stepsPerBeat;
  if (!Number.isInteger(stepSamples))
    throw new BugError('bed_tempo', `${bed.tempoBpm} bpm is not a whole number of samples per step`);
  const chordSamples = stepSamples * stepsPerBeat * bed.beatsPerChord;
  const length = chordSamples * bed.chords.length;
  const dry: StereoPcm = {
    sampleRate: bed.sampleRate,
    left: new Float32Array(length),
    right: new Float32Array(length),
  };
  const random = seededRandom(bed.seed);
  playPad(dry, bed.chords, chordSamples, bed.pad, random);
  if (bed.pulse) playPulse(dry, bed.chords, chordSamples, stepSamples, bed.pulse, random);
  const mixed = withRoom(dry, bed.roomMix);
  scaleTo(mixed, bed.targetRmsDb);
  return mixed;
}

function playPad(
  out: StereoPcm,
  chords: number[][],
  chordSamples: number,
  pad: PadVoice,
  random: () => number,
): void {
  const table = wavetable(pad.harmonics);
  const attack = rampUp(Math.round(pad.attackSeconds * out.sampleRate));
  const release = rampUp(Math.round(pad.releaseSeconds * out.sampleRate)).reverse();
  const envelope = new Float32Array(chordSamples + release.length).fill(1);
  envelope.set(attack);
  envelope.set(release, chordSamples);
  chords.forEach((chord, index) => {
    for (const note of chord) {
      for (let copy = 0; copy < pad.unison; copy++) {
        // -1..1 across the copies: detuned apart and panned apart together, like an ensemble.
        const spread = pad.unison === 1 ? 0 : (2 * copy) / (pad.unison - 1) - 1;
        const cents = spread * pad.detuneCents + (random() - 0.5);
        addTone(out, {
          table,
          hz: midiHz(note) * 2 ** (cents / 1200),
          start: index * chordSamples,
          envelope,
          gain: (pad.gain * softerHigh(note)) / Math.sqrt(pad.unison),
          pan: spread * 0.6,
          phase: random(),
        });
      }
    }
  });
}

function playPulse(
  out: StereoPcm,
  chords: number[][],
  chordSamples: number,
  stepSamples: number,
  pulse: PulseVoice,
  random: () => number,
): void {
  const table = wavetable(pulse.harmonics);
  const envelope = pluckEnvelope(out.sampleRate, Math.min(2 * stepSamples, chordSamples), pulse.decaySeconds);
  const steps = (chordSamples * chords.length) / stepSamples;
  for (let step = 0; step < steps; step++) {
    const chord = chords[Math.floor((step * stepSamples) / chordSamples)] ?? [];
    const tone = chord[(pulse.pattern[step % pulse.pattern.length] ?? 0) % chord.length];
    if (tone === undefined) continue;
    const note = tone + 12 * pulse.octave;
    const accent = step % (2 * pulse.perBeat) === 0 ? 1 : 0.8;
    addTone(out, {
      table,
      hz: midiHz(note),
      start: step * stepSamples,
      envelope,
      gain: pulse.gain * accent * (1 - pulse.humanize * random()) * softerHigh(note),
      pan: step % 2 === 0 ? -0.25 : 0.25,
      phase: 0,
    });
  }
}

// A pluck: a quick rise, an exponential decay, and a short fade so a cut tail never clicks.
function pluckEnvelope(sampleRate: number, length: number, decaySeconds: number): Float32Array {
  const envelope = new Float32Array(length);
  const attack = rampUp(Math.round(PULSE_ATTACK_SECONDS * sampleRate));
  const fade = Math.round(PULSE_FADE_SECONDS * sampleRate);
  for (let i = 0; i < length; i++) {
    const decay = Math.exp(-i / (decaySeconds * sampleRate));
    const rise = i < attack.length ? attack[i]! : 1;
    const tail = Math.min(1, (length - i) / fade);
    envelope[i] = decay * rise * tail;
  }
  return envelope;
}

// High notes sound louder to the ear: temper them so the bed stays mellow.
function softerHigh(note: number): number {
  return Math.min(1, (220 / midiHz(note)) ** 0.35);
}

function withRoom(dry: StereoPcm, mix: number): StereoPcm {
  const wetLeft = room(dry.left, dry.sampleRate, 0);
  const wetRight = room(dry.right, dry.sampleRate, ROOM_SPREAD_SAMPLES);
  return {
    sampleRate: dry.sampleRate,
    left: dry.left.map((value, i) => value * (1 - mix) + wetLeft[i]! * mix),
    right: dry.right.map((value, i) => value * (1 - mix) + wetRight[i]! * mix),
  };
}

function scaleTo(pcm: StereoPcm, targetRmsDb: number): void {
  let sumOfSquares = 0;
  let peak = 0;
  for (const channel of [pcm.left, pcm.right]) {
    for (const value of channel) {
      sumOfSquares += value * value;
      peak = Math.max(peak, Math.abs(value));
    }
  }
  const rms = Math.sqrt(sumOfSquares / (2 * pcm.left.length));
  if (rms === 0) return;
  const gain = Math.min(10 ** (targetRmsDb / 20) / rms, 10 ** (PEAK_CEILING_DB / 20) / peak);
  for (const channel of [pcm.left, pcm.right]) {
    for (let i = 0; i < channel.length; i++) channel[i] = channel[i]! * gain;
  }
}

/** mulberry32: a tiny, fast generator; the same seed gives the same numbers in 0..1 on every machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

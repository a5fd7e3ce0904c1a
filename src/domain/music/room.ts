// A small Schroeder room (parallel damped combs, then allpasses), in milliseconds at any sample rate.
const COMBS_MS = [29.7, 37.1, 41.1, 43.7];
const ALLPASS_MS = [5.0, 1.7];
const FEEDBACK = 0.72;
const DAMPING = 0.35;
const ALLPASS_GAIN = 0.6;
// The room has gone quiet (-60 dB) well within this: hearing this much of the loop's end before its start
// is as good as hearing it loop forever.
const WARM_UP_SECONDS = 2;

/**
 * The room's answer to one turn of a loop. It first listens to the loop's last seconds, so the start of the
 * turn already carries the reverberation of the end, as it does when the loop repeats: no seam.
 * `offsetSamples` lengthens the delays a little, to make left and right differ (width).
 */
export function room(input: Float32Array, sampleRate: number, offsetSamples: number): Float32Array {
  const delays = (list: number[]) => list.map((ms) => Math.round((ms * sampleRate) / 1000) + offsetSamples);
  const combs = delays(COMBS_MS).map((samples) => new Float32Array(samples));
  const combAt = new Int32Array(combs.length);
  const combLow = new Float32Array(combs.length);
  const allpasses = delays(ALLPASS_MS).map((samples) => new Float32Array(samples));
  const allpassAt = new Int32Array(allpasses.length);
  const out = new Float32Array(input.length);
  const warmUp = Math.min(input.length, Math.round(WARM_UP_SECONDS * sampleRate));
  for (let n = -warmUp; n < input.length; n++) {
    const i = n < 0 ? n + input.length : n;
    const dry = input[i]!;
    let wet = 0;
    for (let c = 0; c < combs.length; c++) {
      const line = combs[c]!;
      const at = combAt[c]!;
      const delayed = line[at]!;
      const low = delayed * (1 - DAMPING) + combLow[c]! * DAMPING;
      combLow[c] = low;
      line[at] = dry + low * FEEDBACK;
      combAt[c] = at + 1 === line.length ? 0 : at + 1;
      wet += delayed;
    }
    for (let a = 0; a < allpasses.length; a++) {
      const line = allpasses[a]!;
      const at = allpassAt[a]!;
      const delayed = line[at]!;
      const written = wet + delayed * ALLPASS_GAIN;
      line[at] = written;
      allpassAt[a] = at + 1 === line.length ? 0 : at + 1;
      wet = delayed - written * ALLPASS_GAIN;
    }
    if (n >= 0) out[i] = wet / combs.length;
  }
  return out;
}

import { mediaInput } from './inputs.js';

/** The audio part of the filtergraph: voice, music ducked under it, or silence; always endless (output -t cuts). */
export interface AudioGraph {
  inputs: string[];
  filters: string[];
}

const AS_STEREO = 'aformat=sample_fmts=fltp:channel_layouts=stereo';
const AS_STEREO_48K = `aresample=48000,${AS_STEREO}`;
// Music sits well under speech and is pushed down further while the voice talks (sidechain ducking).
const MUSIC_GAIN = 'volume=0.3';
const DUCK = 'sidechaincompress=threshold=0.02:ratio=8:attack=20:release=400';

/**
 * Audio inputs and filters ending in `[out]`, given the index the first audio input will get.
 * amerge+pan instead of amix: amix's normalize option (to keep the voice at full level) is missing from 4.x.
 */
export function audioGraph(
  voicePath: string | null,
  musicPath: string | null,
  firstInput: number,
  out: string,
): AudioGraph {
  const voiceIndex = firstInput;
  const musicIndex = voicePath === null ? firstInput : firstInput + 1;
  const inputs = [
    ...(voicePath === null ? [] : mediaInput(voicePath)),
    ...(musicPath === null ? [] : ['-stream_loop', '-1', ...mediaInput(musicPath)]),
  ];
  if (voicePath !== null && musicPath !== null) {
    return {
      inputs,
      filters: [
        `[${voiceIndex}:a]${AS_STEREO_48K},apad,asplit=2[voice][key]`,
        `[${musicIndex}:a]${AS_STEREO_48K},${MUSIC_GAIN}[bed]`,
        // ffmpeg 5+ leaves the compressor's output layout open, which amerge refuses: name it.
        `[bed][key]${DUCK},${AS_STEREO}[ducked]`,
        `[voice][ducked]amerge=inputs=2,pan=stereo|c0=c0+c2|c1=c1+c3[${out}]`,
      ],
    };
  }
  if (voicePath !== null) return { inputs, filters: [`[${voiceIndex}:a]${AS_STEREO_48K},apad[${out}]`] };
  if (musicPath !== null)
    return { inputs, filters: [`[${musicIndex}:a]${AS_STEREO_48K},${MUSIC_GAIN}[${out}]`] };
  return { inputs, filters: [`anullsrc=r=48000:cl=stereo[${out}]`] };
}

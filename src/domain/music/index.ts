export type { BedDescription, PadVoice, PulseVoice, StereoPcm } from './bed.js';
export { renderBed, seededRandom } from './synth.js';
export { BUILTIN_BEDS, BUILTIN_SAMPLE_RATE, BUILTIN_TRACK_VERSION, builtinTrackKey } from './tracks.js';
export { encodeWav } from './wav.js';
export {
  musicIdentity,
  musicOf,
  musicParameter,
  parseMusicChoice,
  withoutMusic,
  type MusicParameter,
  type ParsedMusicChoice,
} from './music-choice.js';

export { buildRenderArgs, type MediaFeatures } from './render-args.js';
export { buildCoverArgs } from './cover.js';
export { buildPlanAss, overlaysOf } from './plan-ass.js';
export {
  encoderArgs,
  DEFAULT_ENCODER,
  ENCODER_SETTINGS,
  RENDER_PRESETS,
  renderIdentity,
  type EncoderSettings,
  type RenderPreset,
} from './encoder.js';
export { FONT_FACES, FONT_NAMES, fontFaceByName, assFamilyForFile, type FontFace } from './fonts.js';
export { frameCount, frameSegments, FPS, type FramedSegment } from './frames.js';
export { escapeFilterValue } from './filter-escape.js';
export { ACCEPTED_DEMUXERS, INPUT_WHITELIST, inputsAreGuarded, mediaInput } from './inputs.js';

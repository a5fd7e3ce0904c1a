export { buildCaptionCues, wrapWords, DEFAULT_CUE_OPTIONS, type CueOptions } from './cues.js';
export {
  buildAss,
  escapeAssText,
  assTime,
  toCs,
  highlightColor,
  type AssOptions,
  type OverlayText,
} from './ass.js';
export { DEFAULT_SAFE_ZONE, safeZoneMargins, type SafeZone } from './safe-zone.js';
export { buildSrt, parseSrt, srtTime, cueText, type SrtCue } from './srt.js';
export { applyCaptionEdits, captionEditsFromSrt } from './caption-edits.js';

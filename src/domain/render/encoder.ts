export const RENDER_PRESETS = ['fast', 'balanced', 'small'] as const;
export type RenderPreset = (typeof RENDER_PRESETS)[number];

export interface EncoderSettings {
  /** x264 preset the settings start from. */
  preset: 'ultrafast' | 'superfast' | 'veryfast';
  /** x264 constant rate factor: lower is better quality and bigger files. */
  crf: number;
  /** x264 options on top of the preset, or null. */
  x264Params: string | null;
}

/**
 * Encoder settings by name. Measured on this project's 2-core machines by re-encoding a lossless render of the
 * 30 s benchmark plan (CPU seconds for 900 frames at 1080×1920, SSIM against the lossless frames, file size):
 * - fast: ultrafast plus CABAC, deblocking, 8×8 transform and adaptive quantisation (all cheap, and what makes
 *   plain ultrafast blocky and banded): 10.1 s CPU, SSIM 26.5 dB, 10.5 MB. Still H.264 High.
 * - balanced: superfast, 13.9 s CPU, SSIM 26.3 dB, 8.1 MB.
 * - small: veryfast, 20.4 s CPU, SSIM 24.5 dB at the same CRF, 4.1 MB: for when upload size matters more.
 */
export const ENCODER_SETTINGS: Record<RenderPreset, EncoderSettings> = {
  fast: { preset: 'ultrafast', crf: 20, x264Params: 'cabac=1:deblock=0,0:8x8dct=1:aq-mode=1' },
  balanced: { preset: 'superfast', crf: 21, x264Params: null },
  small: { preset: 'veryfast', crf: 21, x264Params: null },
};

export const DEFAULT_ENCODER: EncoderSettings = ENCODER_SETTINGS.fast;

/**
 * Bump when the filtergraph or caption builders change what a render looks like, so cached renders made by the
 * older builders are not reused.
 */
export const RENDER_GRAPH_VERSION = 1;

/** Everything besides its inputs that a render's pixels depend on, for the render stage's cache key. */
export function renderIdentity(
  ffmpegDescription: string,
  settings: EncoderSettings = DEFAULT_ENCODER,
): string {
  const x264 = `${settings.preset} crf ${settings.crf}${settings.x264Params ? ` ${settings.x264Params}` : ''}`;
  return `${ffmpegDescription}; x264 ${x264}; graph v${RENDER_GRAPH_VERSION}`;
}

/**
 * Output encoder arguments: H.264 High 4:2:0 at 30 fps with 2 s closed GOPs, AAC 48 kHz stereo, moov first.
 * The benchmark's plain re-encode uses the very same arguments, so render speed can only come from the filters.
 */
export function encoderArgs(settings: EncoderSettings = DEFAULT_ENCODER): string[] {
  return [
    '-c:v',
    'libx264',
    '-preset',
    settings.preset,
    ...(settings.x264Params === null ? [] : ['-x264-params', settings.x264Params]),
    '-crf',
    String(settings.crf),
    '-profile:v',
    'high',
    '-pix_fmt',
    'yuv420p',
    '-r',
    '30',
    '-g',
    '60',
    '-threads',
    '0',
    '-c:a',
    'aac',
    '-b:a',
    '128k',
    '-ar',
    '48000',
    '-ac',
    '2',
    '-movflags',
    '+faststart',
  ];
}

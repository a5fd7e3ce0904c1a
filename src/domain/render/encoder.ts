export const X264_PRESETS = ['ultrafast', 'superfast', 'veryfast', 'faster', 'fast', 'medium'] as const;
export type X264Preset = (typeof X264_PRESETS)[number];

export interface EncoderSettings {
  preset: X264Preset;
  /** x264 constant rate factor: lower is better quality and bigger files. */
  crf: number;
}

/** Measured on 2 cores (see src/domain/render/README.md): fast enough for the 15 s budget, clean gradients. */
export const DEFAULT_ENCODER: EncoderSettings = { preset: 'veryfast', crf: 21 };

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

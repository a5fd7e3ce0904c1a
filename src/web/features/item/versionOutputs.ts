import { z } from 'zod';
import { platformSchema } from '../../../api/connections.js';

// The API types a version's outputs loosely (a record); these schemas read the parts this page shows.
const timedWord = z.object({ text: z.string(), startMs: z.number(), endMs: z.number() });

const scriptSchema = z.object({
  language: z.string(),
  hook: z.string(),
  beats: z.array(z.object({ text: z.string(), visualCue: z.string() })),
  callToAction: z.string(),
  writer: z.string(),
});
export type Script = z.infer<typeof scriptSchema>;

const captionCueSchema = z.object({ startMs: z.number(), endMs: z.number(), words: z.array(timedWord) });
export type CaptionCue = z.infer<typeof captionCueSchema>;

const metadataSchema = z.object({
  tiktok: z.object({ caption: z.string(), aiGenerated: z.boolean() }).optional(),
  youtube: z
    .object({
      title: z.string(),
      description: z.string(),
      tags: z.array(z.string()),
      aiGenerated: z.boolean(),
    })
    .optional(),
  instagram: z.object({ caption: z.string(), aiGenerated: z.boolean() }).optional(),
});
export type PlatformMetadata = z.infer<typeof metadataSchema>;

const preflightSchema = z.array(
  z.object({
    platform: platformSchema,
    rule: z.string(),
    message: z.string(),
    // A warning: the platform takes the file but treats it differently. Absent: the file breaks the rule.
    severity: z.literal('warning').optional(),
  }),
);
export type PreflightViolation = z.infer<typeof preflightSchema>[number];

const mediaSchema = z.object({
  durationMs: z.number(),
  sizeBytes: z.number(),
  video: z.object({ width: z.number(), height: z.number(), fps: z.number(), codec: z.string() }).nullable(),
});
export type MediaSummary = z.infer<typeof mediaSchema>;

const voiceSchema = z.object({ engine: z.string(), voice: z.string(), durationMs: z.number() });
export type VoiceSummary = z.infer<typeof voiceSchema>;

// Only an uploaded video's outputs name where it came from; generated ones have no source or 'generated'.
const uploadSchema = z.object({ source: z.literal('upload'), filename: z.string() });
export type UploadSummary = { filename: string };

export interface VersionOutputs {
  /** Set for a finished video someone uploaded: it has no script, voice or captions of the factory's. */
  upload: UploadSummary | null;
  script: Script | null;
  captions: CaptionCue[] | null;
  metadata: PlatformMetadata | null;
  preflight: PreflightViolation[] | null;
  media: MediaSummary | null;
  voice: VoiceSummary | null;
}

function readPart<T>(schema: z.ZodType<T>, value: unknown): T | null {
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** Each part on its own: one the page cannot read hides only its panel, not the whole version. */
export function readOutputs(outputs: Record<string, unknown>): VersionOutputs {
  const upload = readPart(uploadSchema, outputs);
  return {
    upload: upload && { filename: upload.filename },
    script: readPart(scriptSchema, outputs.script),
    captions: readPart(z.array(captionCueSchema), outputs.captions),
    metadata: readPart(metadataSchema, outputs.metadata),
    preflight: readPart(preflightSchema, outputs.preflight),
    media: readPart(mediaSchema, outputs.media),
    voice: readPart(voiceSchema, outputs.voice),
  };
}

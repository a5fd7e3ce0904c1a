import { z } from 'zod';
import { platformSchema } from './connections.js';

// What a version's outputs look like on the wire. Plain shapes (no defaults, no transforms): the server encodes
// its answers with them and the web app reads the same types, so neither keeps a second copy.

export const timedWordView = z.object({ text: z.string(), startMs: z.number(), endMs: z.number() });

export const scriptView = z.object({
  language: z.string(),
  hook: z.string(),
  beats: z.array(z.object({ text: z.string(), visualCue: z.string() })),
  callToAction: z.string(),
  writer: z.string().describe('Which writer produced it, e.g. offline-template, or edited'),
});
export type ScriptView = z.infer<typeof scriptView>;

/** A caption line shown on screen, with its words for word-level highlighting. */
export const captionCueView = z.object({
  startMs: z.number(),
  endMs: z.number(),
  words: z.array(timedWordView),
});
export type CaptionCueView = z.infer<typeof captionCueView>;

const captionText = z.object({ caption: z.string(), aiGenerated: z.boolean() });

/** The caption, title, description and tags written for each targeted platform. */
export const platformMetadataView = z.object({
  tiktok: captionText.optional(),
  youtube: z
    .object({
      title: z.string(),
      description: z.string(),
      tags: z.array(z.string()),
      aiGenerated: z.boolean(),
    })
    .optional(),
  instagram: captionText.optional(),
});
export type PlatformMetadataView = z.infer<typeof platformMetadataView>;

/** A rule the file breaks for one platform; a warning means the platform takes it but treats it differently. */
export const preflightViolationView = z.object({
  platform: platformSchema,
  rule: z.string(),
  message: z.string(),
  severity: z.literal('warning').optional(),
});
export type PreflightViolationView = z.infer<typeof preflightViolationView>;

/** What ffprobe found in the finished file. */
export const mediaInfoView = z.object({
  container: z.string(),
  durationMs: z.number(),
  sizeBytes: z.number(),
  video: z
    .object({
      codec: z.string(),
      profile: z.string().nullable(),
      width: z.number(),
      height: z.number(),
      fps: z.number(),
      pixelFormat: z.string(),
    })
    .nullable(),
  audio: z.object({ codec: z.string(), sampleRate: z.number(), channels: z.number() }).nullable(),
  faststart: z.boolean(),
});
export type MediaInfoView = z.infer<typeof mediaInfoView>;

/** Which engine and voice read the script; a duration of 0 means no voice-over. */
export const voiceSummaryView = z.object({ engine: z.string(), voice: z.string(), durationMs: z.number() });
export type VoiceSummaryView = z.infer<typeof voiceSummaryView>;

const finishedFile = {
  videoKey: z.string().describe('The stored video file: equal keys, same file'),
  coverKey: z.string(),
  coverAtMs: z.number(),
  metadata: platformMetadataView,
  media: mediaInfoView,
  preflight: z.array(preflightViolationView),
};

/** A video the factory made: its script, voice-over and captions, and the file. */
export const generatedOutputsView = z.object({
  source: z.literal('generated').optional(),
  script: scriptView,
  voice: voiceSummaryView,
  captions: z.array(captionCueView),
  ...finishedFile,
});

/** A finished video someone uploaded: the file as it is, with no script, voice-over or captions of the factory's. */
export const uploadedOutputsView = z.object({
  source: z.literal('upload'),
  filename: z.string().describe('The uploaded file name, as the person knows it'),
  ...finishedFile,
});

export const versionOutputsView = z.union([uploadedOutputsView, generatedOutputsView]);
export type VersionOutputsView = z.infer<typeof versionOutputsView>;

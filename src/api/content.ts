import { z } from 'zod';
import { BUILTIN_MUSIC_TRACKS, type MusicChoice } from '../domain/content.js';
import { platformSchema } from './connections.js';

const hexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'Use a colour like #1A2B3C');

const MUSIC_CHOICE = new RegExp(
  `^(none|builtin:(${BUILTIN_MUSIC_TRACKS.join('|')})|library:[0-9a-z]{1,64})$`,
);

/** A brief as the API takes it; defaults make a one-field brief (just a topic) valid. */
export const briefInput = z.strictObject({
  topic: z.string().trim().min(3, 'Say what the video is about (at least 3 characters)').max(200),
  keyPoints: z.array(z.string().trim().min(1).max(300)).max(7).default([]),
  audience: z.string().trim().max(120).default('').describe('Who it is for; empty: everyone'),
  tone: z.enum(['friendly', 'bold', 'calm', 'funny', 'expert']).default('friendly'),
  language: z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'Use a language tag like en, fr or pt-BR')
    .default('en'),
  durationSeconds: z.number().int().min(10).max(90).default(30),
  stylePreset: z.enum(['clean', 'bold-pop', 'calm-gradient', 'tech-grid']).default('clean'),
  palette: z.array(hexColor).max(5).default([]),
  font: z.string().trim().max(60).default(''),
  platforms: z.array(platformSchema).min(1).max(3).default(['tiktok', 'instagram', 'youtube']),
  voice: z.string().trim().min(1).max(80).default('default'),
  captionStyle: z.enum(['karaoke', 'pop', 'clean']).default('karaoke'),
  music: z
    .string()
    .regex(
      MUSIC_CHOICE,
      'Use none, builtin:calm, builtin:bright or library:<id of an audio file in the library>',
    )
    .transform((value) => value as MusicChoice)
    .default('none')
    .describe('Background music ducked under the voice'),
});
export type BriefInput = z.input<typeof briefInput>;

/** The text fields of a finished video's upload (multipart, so platforms come comma-separated). */
export const videoUploadFields = z.strictObject({
  title: z
    .string()
    .trim()
    .min(3, 'Give the video a title (at least 3 characters)')
    .max(200, 'Keep the title to 200 characters'),
  description: z.string().trim().max(2000, 'Keep the description to 2000 characters').default(''),
  platforms: z
    .string()
    .default('tiktok,instagram,youtube')
    .transform((list) =>
      list
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean),
    )
    .pipe(z.array(platformSchema).min(1, 'Choose at least one platform').max(3)),
});

export const seriesInput = z.strictObject({
  briefs: z.array(briefInput).min(1).max(50).optional(),
  csv: z
    .string()
    .max(200_000)
    .optional()
    .describe('CSV with a header row; columns are brief fields, key points separated by "|"'),
});

export const itemStatus = z.enum(['queued', 'generating', 'ready', 'failed']);

export const itemView = z.object({
  id: z.string(),
  title: z.string(),
  source: z.enum(['generated', 'upload']),
  status: itemStatus,
  brief: z.record(z.string(), z.unknown()),
  currentVersionId: z.string().nullable(),
  failure: z.object({ stage: z.string(), reason: z.string() }).nullable(),
  coverUrl: z.string().nullable(),
  videoUrl: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ItemView = z.infer<typeof itemView>;

export const versionView = z.object({
  id: z.string(),
  number: z.number(),
  contentHash: z.string(),
  createdAt: z.string(),
  videoUrl: z.string(),
  coverUrl: z.string(),
  outputs: z.record(z.string(), z.unknown()),
  parameters: z.record(z.string(), z.unknown()),
  stageLog: z.array(z.object({ stage: z.string(), cached: z.boolean(), ms: z.number() })),
});

// Caps well past every platform's limit (validateMetadata names the exact ones) that keep a body bounded.
const text = (max: number) => z.string().max(max);
const aiGenerated = z.boolean().describe('AI disclosure; always true on a generated video');

/** Platform texts as a person edits them: only the known platforms and fields, each of its type. */
export const platformMetadataInput = z.strictObject({
  tiktok: z.strictObject({ caption: text(10_000), aiGenerated }).optional(),
  youtube: z
    .strictObject({
      title: text(1_000),
      description: text(20_000),
      tags: z.array(text(500)).max(500),
      aiGenerated,
    })
    .optional(),
  instagram: z.strictObject({ caption: text(10_000), aiGenerated }).optional(),
});

export const editsInput = z.strictObject({
  script: z
    .strictObject({
      language: z.string().min(2).max(20),
      hook: z.string().trim().min(1).max(300),
      beats: z
        .array(
          z.strictObject({
            text: z.string().trim().min(1).max(400),
            visualCue: z.string().trim().min(1).max(200),
          }),
        )
        .min(3)
        .max(7),
      callToAction: z.string().trim().min(1).max(200),
      writer: z.string().max(120).default('edited'),
    })
    .optional(),
  captionText: z.record(z.string().regex(/^\d+$/), z.string().trim().min(1).max(200)).optional(),
  // Checked against the item (its platforms, the AI disclosure) by the service: 400 invalid_metadata.
  metadata: z
    .unknown()
    .optional()
    .describe(
      'Platform texts: { tiktok?: { caption, aiGenerated }, youtube?: { title, description, tags, aiGenerated }, ' +
        'instagram?: { caption, aiGenerated } }; platforms left out keep their current texts',
    ),
});

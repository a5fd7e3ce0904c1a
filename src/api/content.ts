import { z } from 'zod';
import {
  BUILTIN_MUSIC_TRACKS,
  CAPTION_STYLES,
  HOOK_STYLES,
  STYLE_PRESETS,
  type MusicChoice,
} from '../domain/content.js';
import { platformSchema } from './connections.js';
import { versionOutputsView } from './version-outputs.js';

const hexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'Use a colour like #1A2B3C');

const MUSIC_CHOICE = new RegExp(
  `^(none|builtin:(${BUILTIN_MUSIC_TRACKS.join('|')})|library:[0-9a-z]{1,64})$`,
);

/** The sizes a brief may have: the API checks them, and the create form says them before anyone submits. */
export const BRIEF_LIMITS = {
  topicMin: 3,
  topicMax: 200,
  keyPoints: 7,
  keyPointMax: 300,
  audienceMax: 120,
  durationMin: 10,
  durationMax: 90,
  paletteColours: 5,
} as const;
const L = BRIEF_LIMITS;

export const briefTone = z.enum(['friendly', 'bold', 'calm', 'funny', 'expert']);
export const stylePresetSchema = z.enum(STYLE_PRESETS);
export const captionStyleSchema = z.enum(CAPTION_STYLES);
export const hookStyleSchema = z
  .enum(HOOK_STYLES)
  .describe(
    'How the hook opens: question (it asks), statistic (states a number from the topic or key points; a question when there is none), story, bold-claim, how-to',
  );

/** A brief as the API takes it; defaults make a one-field brief (just a topic) valid. */
export const briefInput = z.strictObject({
  topic: z
    .string()
    .trim()
    .min(L.topicMin, 'Say what the video is about (at least 3 characters)')
    .max(L.topicMax),
  keyPoints: z.array(z.string().trim().min(1).max(L.keyPointMax)).max(L.keyPoints).default([]),
  audience: z.string().trim().max(L.audienceMax).default('').describe('Who it is for; empty: everyone'),
  tone: briefTone.default('friendly'),
  language: z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'Use a language tag like en, fr or pt-BR')
    .default('en'),
  durationSeconds: z.number().int().min(L.durationMin).max(L.durationMax).default(30),
  stylePreset: stylePresetSchema.default('clean'),
  palette: z.array(hexColor).max(L.paletteColours).default([]),
  font: z.string().trim().max(60).default(''),
  platforms: z.array(platformSchema).min(1).max(3).default(['tiktok', 'instagram', 'youtube']),
  voice: z.string().trim().min(1).max(80).default('default'),
  captionStyle: captionStyleSchema.default('karaoke'),
  music: z
    .string()
    .regex(
      MUSIC_CHOICE,
      'Use none, builtin:calm, builtin:bright or library:<id of an audio file in the library>',
    )
    .transform((value) => value as MusicChoice)
    .default('none')
    .describe('Background music ducked under the voice'),
  hookStyle: hookStyleSchema.optional().describe('Left out: a hook matched to the tone'),
});
export type BriefInput = z.input<typeof briefInput>;

/** A brief as the API shows it back, every field filled in. */
export const briefView = z.object({
  topic: z.string(),
  keyPoints: z.array(z.string()),
  audience: z.string(),
  tone: briefTone,
  language: z.string(),
  durationSeconds: z.number(),
  stylePreset: stylePresetSchema,
  palette: z.array(z.string()),
  font: z.string(),
  platforms: z.array(platformSchema),
  voice: z.string().describe("A voice of the engine, 'default', or 'none' for no voice-over"),
  captionStyle: captionStyleSchema,
  music: z.string().describe("'none', 'builtin:<track>' or 'library:<media id>'"),
  hookStyle: hookStyleSchema.nullable().describe('Null: a hook matched to the tone'),
});
export type BriefView = z.infer<typeof briefView>;

/** The sizes of an uploaded video's texts: the API checks them, the upload form says them first. */
export const UPLOAD_LIMITS = { titleMin: 3, titleMax: 200, descriptionMax: 2000 } as const;
const U = UPLOAD_LIMITS;

/** The text fields of a finished video's upload (multipart, so platforms come comma-separated). */
export const videoUploadFields = z.strictObject({
  title: z
    .string()
    .trim()
    .min(U.titleMin, `Give the video a title (at least ${U.titleMin} characters)`)
    .max(U.titleMax, `Keep the title to ${U.titleMax} characters`),
  description: z
    .string()
    .trim()
    .max(U.descriptionMax, `Keep the description to ${U.descriptionMax} characters`)
    .default(''),
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
  brief: briefView,
  seriesId: z
    .string()
    .nullable()
    .describe('Shared by the items created together as one series; null for one video'),
  currentVersionId: z.string().nullable(),
  failure: z
    .object({
      stage: z.string(),
      reason: z.string(),
      mediaExpired: z
        .boolean()
        .optional()
        .describe(
          'The retention setting deleted the rendered files of this unpublished item; retry remakes them',
        ),
    })
    .nullable(),
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
  outputs: versionOutputsView,
  parameters: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
  stageLog: z.array(z.object({ stage: z.string(), cached: z.boolean(), ms: z.number() })),
});
export type VersionView = z.infer<typeof versionView>;

/** One item with every version, newest first. */
export const itemDetail = z.object({ item: itemView, versions: z.array(versionView) });
export type ItemDetail = z.infer<typeof itemDetail>;

/** The sizes of a person's edits to a script and captions: the API checks them, the editors say them first. */
export const EDIT_LIMITS = {
  hookMax: 300,
  beatTextMax: 400,
  visualCueMax: 200,
  callToActionMax: 200,
  captionMax: 200,
} as const;
const E = EDIT_LIMITS;

export const editsInput = z.strictObject({
  script: z
    .strictObject({
      language: z.string().min(2).max(20),
      hook: z.string().trim().min(1).max(E.hookMax),
      beats: z
        .array(
          z.strictObject({
            text: z.string().trim().min(1).max(E.beatTextMax),
            visualCue: z.string().trim().min(1).max(E.visualCueMax),
          }),
        )
        .min(3)
        .max(7),
      callToAction: z.string().trim().min(1).max(E.callToActionMax),
      writer: z.string().max(120).default('edited'),
    })
    .optional(),
  captionText: z.record(z.string().regex(/^\d+$/), z.string().trim().min(1).max(E.captionMax)).optional(),
  // Checked against the item (its platforms, the AI disclosure) by the service: 400 invalid_metadata.
  metadata: z
    .unknown()
    .optional()
    .describe(
      'Platform texts: { tiktok?: { caption, aiGenerated }, youtube?: { title, description, tags, aiGenerated }, ' +
        'instagram?: { caption, aiGenerated } }; platforms left out keep their current texts',
    ),
});

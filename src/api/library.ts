import { z } from 'zod';

/** One file of the workspace's media library, as the API shows it. */
export const mediaAssetView = z.object({
  id: z.string(),
  kind: z.enum(['image', 'video', 'audio']),
  filename: z.string(),
  sizeBytes: z.number(),
  /** 0 for audio. */
  width: z.number(),
  height: z.number(),
  /** Null for pictures. */
  durationMs: z.number().nullable(),
  tags: z.array(z.string()),
  /** A signed, expiring link to the file. */
  url: z.string(),
  createdAt: z.string(),
});
export type MediaAssetView = z.infer<typeof mediaAssetView>;
export type MediaKind = MediaAssetView['kind'];

/** What the server accepts, so the web app can say it before anyone waits for an upload. */
export const libraryLimits = z.object({
  maxUploadBytes: z
    .number()
    .int()
    .positive()
    .describe('Largest file one upload may be (MEDIA_UPLOAD_MAX_MB)'),
});
export type LibraryLimits = z.infer<typeof libraryLimits>;

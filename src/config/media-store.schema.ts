import { z } from 'zod';

/** Where media files live: the local disk (the embedded default) or a Google Cloud Storage bucket. */
export const mediaStoreSettings = {
  MEDIA_STORE: z
    .enum(['local', 'gcs'])
    .default('local')
    .describe(
      'Where media files live: local keeps them under DATA_DIR/media; gcs keeps them in GCS_BUCKET so many machines share them, and media links redirect to short-lived signed URLs',
    ),
  MEDIA_SHARED_VOLUME: z
    .stringbool()
    .default(false)
    .describe(
      'With MEDIA_STORE=local and split ROLES: true states that DATA_DIR is one volume every process mounts (Filestore, a Cloud Storage FUSE mount, or one machine for all processes)',
    ),
  GCS_BUCKET: z
    .string()
    .regex(/^[a-z0-9][a-z0-9._-]{1,220}[a-z0-9]$/, 'not a Cloud Storage bucket name')
    .optional()
    .describe('The Cloud Storage bucket of MEDIA_STORE=gcs (required then)'),
  GCS_API_ENDPOINT: z
    .url({ protocol: /^https?$/ })
    .optional()
    .transform((u) => u?.replace(/\/+$/, ''))
    .describe(
      'Cloud Storage endpoint for an emulator or a fake (like STORAGE_EMULATOR_HOST); requests to it carry no Google token; unset: Google',
    ),
  GCS_KEY_FILE: z
    .string()
    .min(1)
    .optional()
    .describe(
      'Service-account key (JSON) for Cloud Storage and URL signing; unset: Application Default Credentials (on Cloud Run its service account, which signs through IAM signBlob)',
    ),
  GCS_SIGNED_URL_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(30)
    .max(7 * 24 * 3600)
    .default(300)
    .describe(
      'How long the signed Cloud Storage URL behind a media link works; the app link itself is checked before each redirect',
    ),
};

/** Cross-setting rule: the bucket store needs a bucket. */
export function checkMediaStoreSettings(
  config: { MEDIA_STORE: 'local' | 'gcs'; GCS_BUCKET?: string | undefined },
  ctx: z.RefinementCtx,
): void {
  if (config.MEDIA_STORE === 'gcs' && !config.GCS_BUCKET) {
    ctx.addIssue({
      code: 'custom',
      path: ['GCS_BUCKET'],
      message: 'MEDIA_STORE=gcs needs GCS_BUCKET, the bucket that holds the media',
    });
  }
}

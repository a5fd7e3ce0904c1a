import { z } from 'zod';
import { parseKeyList } from '../domain/master-keys.js';
import { analyticsSettings } from './analytics.schema.js';
import { deploymentSettings } from './deployment.schema.js';
import { factorySettings } from './factory.schema.js';
import { checkMediaStoreSettings, mediaStoreSettings } from './media-store.schema.js';
import { platformSettings } from './platforms.schema.js';
import { privacySettings } from './privacy.schema.js';
import { publishingSettings } from './publishing.schema.js';
import { securitySettings } from './security.schema.js';

/**
 * Every setting of the product, documented where it is declared. This schema is the only reader of the
 * environment; `npm run config:docs` prints the README table from these descriptions.
 */
export const configSchema = z
  .object({
    NODE_ENV: z
      .enum(['development', 'production', 'test'])
      .default('development')
      .describe('Runtime mode: production logs JSON; development logs readable lines'),
    PORT: z.coerce.number().int().min(1).max(65535).default(8080).describe('HTTP port the server listens on'),
    HOST: z.string().min(1).default('0.0.0.0').describe('Interface the server binds to'),
    PUBLIC_BASE_URL: z
      .url({ protocol: /^https?$/ })
      .default('http://localhost:8080')
      .transform((u) => u.replace(/\/+$/, ''))
      .describe(
        'The URL people and platforms reach the app at: OAuth redirects, links in mail, CSRF origin check',
      ),
    DATA_DIR: z
      .string()
      .min(1)
      .default('./data')
      .describe('Where the embedded default keeps its SQLite file, media and outbox'),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('info')
      .describe('Minimum level of log lines'),
    SESSION_TTL_DAYS: z.coerce
      .number()
      .int()
      .min(1)
      .max(365)
      .default(30)
      .describe('How long a sign-in lasts'),
    PASSWORD_RESET_TTL_MINUTES: z.coerce
      .number()
      .int()
      .min(5)
      .max(1440)
      .default(60)
      .describe('How long a password reset link works'),
    INVITATION_TTL_DAYS: z.coerce
      .number()
      .int()
      .min(1)
      .max(90)
      .default(7)
      .describe('How long an invitation link works'),
    SIGNIN_RATE_LIMIT_PER_MINUTE: z.coerce
      .number()
      .int()
      .min(1)
      .max(10000)
      .default(10)
      .describe(
        'Sign-in, sign-up and reset attempts allowed per minute per client address across all emails, and per email (sign-in, reset request) across all addresses',
      ),
    SMTP_URL: z
      .url({ protocol: /^smtps?$/ })
      .optional()
      .describe(
        'SMTP server for mail, e.g. smtps://user:pass@mail.example.com; unset: mail goes to DATA_DIR/outbox',
      ),
    MAIL_FROM: z
      .string()
      .default('AI Factory <no-reply@localhost>')
      .describe('Sender of the mail the app sends'),
    ...securitySettings,
    TOKEN_ENCRYPTION_KEYS: z
      .string()
      .optional()
      .superRefine((value, ctx) => {
        if (value === undefined) return;
        try {
          parseKeyList(value);
        } catch (error) {
          ctx.addIssue({
            code: 'custom',
            message: error instanceof Error ? error.message : 'invalid key list',
          });
        }
      })
      .describe(
        'Master keys of the token vault, "id:base64(32 bytes),older-id:…" (first is current); unset: a 0600 key file under DATA_DIR/keys',
      ),
    REDIS_URL: z
      .url({ protocol: /^rediss?$/ })
      .optional()
      .describe(
        'Redis for the job queue (BullMQ), e.g. redis://localhost:6379, so several workers share the jobs; unset: jobs run in the server process, kept in the SQLite store',
      ),
    IO_JOB_CONCURRENCY: z.coerce
      .number()
      .int()
      .min(1)
      .max(1024)
      .default(16)
      .describe(
        'Network-bound jobs (publishing, token refreshes, housekeeping) run at once per worker, beside the videos of RENDER_CONCURRENCY',
      ),
    ...platformSettings,
    ...factorySettings,
    ...publishingSettings,
    ...analyticsSettings,
    ...privacySettings,
    ...mediaStoreSettings,
    ...deploymentSettings,
  })
  .superRefine(checkMediaStoreSettings);

export type Config = z.infer<typeof configSchema>;

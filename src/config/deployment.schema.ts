import { z } from 'zod';

/** What a process does: serve the API, run jobs, plan the recurring work. */
export const ROLE_NAMES = ['api', 'worker', 'scheduler'] as const;
export type Role = (typeof ROLE_NAMES)[number];

const isRole = (name: string): name is Role => (ROLE_NAMES as readonly string[]).includes(name);

/** How the app is spread over machines: roles, store engine, and the keys every machine must share. */
export const deploymentSettings = {
  ROLES: z
    .string()
    .default(ROLE_NAMES.join(','))
    .transform((value, ctx): Role[] => {
      const names = value
        .split(',')
        .map((n) => n.trim())
        .filter((n) => n !== '');
      const unknown = names.filter((n) => !isRole(n));
      if (unknown.length > 0 || names.length === 0) {
        ctx.addIssue({
          code: 'custom',
          message: `expected a comma list of ${ROLE_NAMES.join(', ')}; got "${value}"`,
        });
        return z.NEVER;
      }
      // The canonical order, without repeats, so two spellings of one mix compare equal.
      return ROLE_NAMES.filter((role) => names.includes(role));
    })
    .describe(
      'What this process does, a comma list of api (HTTP), worker (runs jobs from Redis) and scheduler (plans recurring work); split roles need REDIS_URL, STORE=firestore and shared keys',
    ),
  STORE: z
    .enum(['sqlite', 'firestore'])
    .default('sqlite')
    .describe(
      'Where records live: sqlite (one file in DATA_DIR, one machine) or firestore (Google Cloud Firestore, shared by many machines)',
    ),
  FIRESTORE_PROJECT_ID: z
    .string()
    .min(1)
    .optional()
    .describe('Google Cloud project of the Firestore database (STORE=firestore)'),
  FIRESTORE_DATABASE_ID: z
    .string()
    .min(1)
    .optional()
    .describe('Firestore database in that project; unset: (default)'),
  FIRESTORE_EMULATOR_HOST: z
    .string()
    .regex(/^[^\s:/]+:\d{1,5}$/, 'expected host:port')
    .optional()
    .describe(
      'host:port of a Firestore emulator (the Google convention); unset: Google servers with Application Default Credentials',
    ),
  MEDIA_LINK_KEY: z
    .string()
    .optional()
    .superRefine((value, ctx) => {
      if (value === undefined) return;
      if (!/^[A-Za-z0-9+/]+={0,2}$/.test(value) || Buffer.from(value, 'base64').length !== 32)
        ctx.addIssue({ code: 'custom', message: 'expected 32 bytes in base64' });
    })
    .describe(
      'Key that signs media links, base64 of 32 random bytes, the same on every machine; unset: a 0600 key file under DATA_DIR/keys',
    ),
  SHUTDOWN_GRACE_SECONDS: z.coerce
    .number()
    .int()
    .min(0)
    .max(3600)
    .default(25)
    .describe(
      'On SIGTERM, how long running jobs may finish before they are handed back to the queue; keep it under the platform limit (Cloud Run: 10 s by default, up to 3600 s)',
    ),
  SCHEDULER_LEASE_SECONDS: z.coerce
    .number()
    .int()
    .min(5)
    .max(600)
    .default(30)
    .describe(
      'With Redis, one scheduler plans at a time under a lease this long (renewed at a third); another takes over when it lapses',
    ),
  SCHEDULER_REPLAN_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(1440)
    .default(60)
    .describe(
      'How often the active scheduler plans the recurring jobs again (a no-op when they are planned), mending a broken chain',
    ),
};

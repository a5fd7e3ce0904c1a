import { z } from 'zod';

export const platformSchema = z.enum(['tiktok', 'instagram', 'youtube']);
export type PlatformName = z.infer<typeof platformSchema>;

export const connectionStatus = z.enum(['active', 'needs_reconnect', 'revoked']);

/** A connected account as the API shows it: tokens only masked (at most first 4 and last 4 characters). */
export const connectionView = z.object({
  id: z.string(),
  platform: platformSchema,
  externalAccountId: z.string(),
  displayName: z.string(),
  avatarUrl: z.string().nullable(),
  scopes: z.array(z.string()),
  status: connectionStatus,
  accessTokenExpiresAt: z.string().nullable(),
  refreshTokenExpiresAt: z.string().nullable(),
  maskedAccessToken: z.string().nullable(),
  maskedRefreshToken: z.string().nullable(),
  lastRefreshedAt: z.string().nullable(),
  lastError: z.string().nullable(),
  sandbox: z.boolean(),
});
export type ConnectionView = z.infer<typeof connectionView>;

export const authorizeRequest = z.strictObject({
  reconnectId: z
    .string()
    .min(1)
    .max(64)
    .optional()
    .describe('Reconnect this connection (asks consent again)'),
});
export const authorizeResponse = z.object({ url: z.string() });
export const disconnectResponse = z.object({ deleted: z.literal(true), revokedAtPlatform: z.boolean() });

export const auditEventView = z.object({
  id: z.string(),
  type: z.string(),
  platform: platformSchema,
  connectionId: z.string().nullable(),
  externalAccountId: z.string().nullable(),
  actorUserId: z.string().nullable(),
  detail: z.string(),
  createdAt: z.string(),
});
export type AuditEventView = z.infer<typeof auditEventView>;

/** Which platforms this server can connect to, and whether they are the local sandbox. */
export const platformsAvailable = z.object({
  sandbox: z.boolean(),
  platforms: z.array(z.object({ platform: platformSchema, configured: z.boolean() })),
});

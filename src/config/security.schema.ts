import { isIP } from 'node:net';
import { z } from 'zod';

// Names proxy-addr (Fastify's trustProxy) understands for whole address families.
const RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** True for an IPv4/IPv6 address, a CIDR of one, or one of proxy-addr's range names. */
function isProxyEntry(entry: string): boolean {
  if (RANGE_NAMES.has(entry)) return true;
  const [address = '', prefix, extra] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || extra !== undefined) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  return /^\d{1,3}$/.test(prefix) && bits <= (family === 4 ? 32 : 128);
}

const trustedProxies = z
  .string()
  .default('')
  .transform((value, ctx) => {
    const entries = value
      .split(',')
      .map((e) => e.trim())
      .filter((e) => e !== '' && e.toLowerCase() !== 'false');
    if (entries.some((e) => ['true', '1', 'yes', '*'].includes(e.toLowerCase()))) {
      ctx.addIssue({
        code: 'custom',
        message:
          'trusting every proxy would let anyone forge X-Forwarded-For; list the addresses or CIDRs of your proxies instead, e.g. TRUST_PROXY=10.0.0.0/8',
      });
      return z.NEVER;
    }
    const bad = entries.filter((e) => !isProxyEntry(e));
    if (bad.length > 0) {
      ctx.addIssue({ code: 'custom', message: `not an address or CIDR: ${bad.join(', ')}` });
      return z.NEVER;
    }
    return entries;
  });

const perHour = (fallback: number, what: string) =>
  z.coerce.number().int().min(1).max(100_000).default(fallback).describe(what);

/** Settings that bound what one client, person or workspace can make the server do. */
export const securitySettings = {
  TRUST_PROXY: trustedProxies.describe(
    'Addresses or CIDRs of the proxies in front of the app, comma-separated (e.g. 10.0.0.0/8,loopback); X-Forwarded-For is honoured only from them. Unset: trust none',
  ),
  METRICS_TOKEN: z
    .string()
    .min(16)
    .optional()
    .describe(
      'Bearer token /metrics asks for (Authorization: Bearer …); unset: /metrics answers loopback callers only',
    ),
  PASSWORD_HASH_CONCURRENCY: z.coerce
    .number()
    .int()
    .min(1)
    .max(64)
    .default(2)
    .describe('Password hashes (about 128 MiB each) computed at once; more wait in a queue'),
  PASSWORD_HASH_QUEUE: z.coerce
    .number()
    .int()
    .min(0)
    .max(10_000)
    .default(32)
    .describe('Sign-ins waiting for a hash slot; past this the server answers 503 busy with Retry-After'),
  USER_INVITES_PER_HOUR: perHour(20, 'Invitations one person may send per hour'),
  WORKSPACE_INVITES_PER_HOUR: perHour(50, 'Invitations one workspace may send per hour'),
};

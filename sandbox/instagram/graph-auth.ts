import type { FastifyRequest } from 'fastify';
import { GraphFailure, graphErrors } from './errors.js';
import type { GraphParams } from './graph-params.js';
import type { InstagramRuntime } from './runtime.js';
import type { IgToken, IgUser } from './store.js';

export interface Caller {
  token: IgToken;
  user: IgUser;
}

/** The access token of a Graph call: `access_token` parameter, or an `Authorization: Bearer|OAuth` header. */
export function readAccessToken(request: FastifyRequest, params: GraphParams): string | undefined {
  const fromParams = params.get('access_token');
  if (fromParams) return fromParams;
  const header = request.headers.authorization;
  const match = header ? /^(?:Bearer|OAuth)\s+(\S+)$/i.exec(header) : null;
  return match?.[1];
}

const PACIFIC = new Intl.DateTimeFormat('en-US', {
  timeZone: 'America/Los_Angeles',
  weekday: 'long',
  day: '2-digit',
  month: 'short',
  year: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
  timeZoneName: 'short',
});

/** Meta's session-expiry date style: "Sunday, 09-Aug-20 01:30:58 PDT". */
export function pacificDate(ms: number): string {
  const parts = Object.fromEntries(PACIFIC.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  const time = `${parts.hour}:${parts.minute}:${parts.second}`;
  return `${parts.weekday}, ${parts.day}-${parts.month}-${parts.year} ${time} ${parts.timeZoneName}`;
}

/** Resolves a token to its live grant; dead, unknown or missing tokens throw the real 190/2500 errors. */
export function authenticate(rt: InstagramRuntime, rawToken: string | undefined): Caller {
  if (!rawToken) throw new GraphFailure(graphErrors.missingToken());
  const token = rt.store.tokens.get(rawToken);
  if (!token) throw new GraphFailure(graphErrors.invalidToken());
  if (token.revoked)
    throw new GraphFailure(graphErrors.deauthorized(rt.ctx.settings.apps.instagram.clientId));
  const now = rt.ctx.clock.now();
  if (now >= token.expiresAt) {
    throw new GraphFailure(graphErrors.expiredToken(pacificDate(token.expiresAt), pacificDate(now)));
  }
  return { token, user: rt.store.user(token.profile, now) };
}

/** Throws `(#10)` unless the grant includes the scope. */
export function requireScope(caller: Caller, scope: string): void {
  if (!caller.token.scopes.includes(scope)) throw new GraphFailure(graphErrors.noPermission());
}

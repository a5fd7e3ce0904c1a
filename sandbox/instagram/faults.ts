import type { FaultAnswer, MountName } from '../core/context.js';
import type { FaultKind } from '../core/faults.js';
import { authorizeErrorPage, graphErrorBody, legacyOAuthError, type GraphError } from './errors.js';

type RenderedFault = Extract<FaultKind, { type: 'status' | 'platform_error' }>;

/** The usual wording of the Graph error codes a fault can name (rate limits first). */
const CODE_MESSAGES: Record<number, { message: string; transient: boolean }> = {
  1: { message: 'An unknown error has occurred.', transient: true },
  2: { message: 'An unexpected error has occurred. Please retry your request later.', transient: true },
  4: { message: '(#4) Application request limit reached', transient: true },
  10: { message: '(#10) Application does not have permission for this action', transient: false },
  17: { message: '(#17) User request limit reached', transient: true },
  32: { message: '(#32) Page request limit reached', transient: true },
  100: { message: '(#100) Invalid parameter', transient: false },
  190: { message: 'Error validating access token: Session has been invalidated', transient: false },
  613: { message: '(#613) Calls to this api have exceeded the rate limit.', transient: true },
  80002: {
    message:
      '(#80002) There have been too many calls to this Instagram account. Wait a bit and try again. For more info, ' +
      'please refer to https://developers.facebook.com/docs/graph-api/overview/rate-limiting.',
    transient: true,
  },
};

/** Graph code for a bare HTTP status fault. */
function codeForStatus(status: number): number {
  if (status === 429) return 4;
  if (status === 401) return 190;
  if (status === 403) return 10;
  if (status === 503) return 2;
  if (status >= 500) return 1;
  return 100;
}

function graphFault(fault: RenderedFault): FaultAnswer {
  const numeric = fault.type === 'platform_error' ? Number(fault.code) : codeForStatus(fault.status);
  const code = Number.isInteger(numeric) ? numeric : 1;
  const known = CODE_MESSAGES[code];
  const error: GraphError = {
    status: fault.status,
    code,
    message:
      (fault.type === 'platform_error' ? fault.message : undefined) ?? known?.message ?? `(#${code}) Error`,
    isTransient: known?.transient ?? false,
  };
  if (fault.type === 'platform_error' && fault.subcode !== undefined) error.subcode = fault.subcode;
  const headers: Record<string, string> = {};
  if (code === 4) {
    headers['x-app-usage'] = JSON.stringify({ call_count: 100, total_cputime: 25, total_time: 25 });
  }
  return { status: fault.status, body: graphErrorBody(error), headers };
}

/** Renders an injected fault in the envelope of the host it hits. */
export function renderInstagramFault(fault: RenderedFault, mount: MountName): FaultAnswer {
  const message =
    fault.type === 'platform_error' ? (fault.message ?? String(fault.code)) : `HTTP ${fault.status}`;
  if (mount === 'instagramAuth') {
    return {
      status: fault.status,
      body: authorizeErrorPage(message),
      headers: { 'content-type': 'text/html; charset=utf-8' },
    };
  }
  if (mount === 'instagramApi')
    return { status: fault.status, body: legacyOAuthError(message, fault.status) };
  return graphFault(fault);
}

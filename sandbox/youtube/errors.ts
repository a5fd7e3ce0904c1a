import type { FastifyReply } from 'fastify';

/** One entry of `error.errors[]` in Google's JSON error envelope (§3.6). */
export interface GoogleErrorItem {
  message: string;
  domain: string;
  reason: string;
  location?: string;
  locationType?: 'header' | 'parameter';
}

/** A Data API error ready to send: HTTP status, envelope and extra headers. */
export interface ApiError {
  status: number;
  body: { error: { code: number; message: string; errors: GoogleErrorItem[]; status?: string } };
  headers?: Record<string, string>;
}

/** Google's canonical status names, sent by the API front end next to some errors. */
const CANONICAL_STATUS: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  503: 'UNAVAILABLE',
};

/** Builds `{"error":{"code","message","errors":[…]}}`, the envelope of every Data API error. */
export function apiError(
  status: number,
  reason: string,
  message: string,
  options: {
    domain?: string;
    location?: string;
    locationType?: 'header' | 'parameter';
    withStatus?: boolean;
    headers?: Record<string, string>;
  } = {},
): ApiError {
  const item: GoogleErrorItem = { message, domain: options.domain ?? 'global', reason };
  if (options.location) item.location = options.location;
  if (options.locationType) item.locationType = options.locationType;
  const error: ApiError['body']['error'] = { code: status, message, errors: [item] };
  const canonical = CANONICAL_STATUS[status];
  if (options.withStatus && canonical) error.status = canonical;
  return { status, body: { error }, ...(options.headers ? { headers: options.headers } : {}) };
}

/** Sends an ApiError on a Fastify reply. */
export async function sendApiError(reply: FastifyReply, error: ApiError): Promise<FastifyReply> {
  return reply
    .code(error.status)
    .headers(error.headers ?? {})
    .type('application/json; charset=UTF-8')
    .send(error.body);
}

/** The errors the Data API answers with, by reason, as the real API words them. */
export const API_ERRORS = {
  loginRequired: (): ApiError =>
    apiError(
      401,
      'required',
      'Request is missing required authentication credential. Expected OAuth 2 access token, login cookie or other valid authentication credential.',
      { location: 'Authorization', locationType: 'header', withStatus: true },
    ),
  apiKeyMissing: (): ApiError =>
    apiError(403, 'forbidden', 'The request is missing a valid API key.', { withStatus: true }),
  keyInvalid: (): ApiError =>
    apiError(400, 'keyInvalid', 'API key not valid. Please pass a valid API key.', {
      domain: 'usageLimits',
      withStatus: true,
    }),
  authError: (): ApiError =>
    apiError(
      401,
      'authError',
      'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.',
      {
        location: 'Authorization',
        locationType: 'header',
        withStatus: true,
        headers: { 'www-authenticate': 'Bearer realm="https://accounts.google.com/", error="invalid_token"' },
      },
    ),
  insufficientPermissions: (): ApiError =>
    apiError(403, 'insufficientPermissions', 'Request had insufficient authentication scopes.', {
      withStatus: true,
      headers: {
        'www-authenticate':
          'Bearer realm="https://accounts.google.com/", error="insufficient_scope", scope="https://www.googleapis.com/auth/youtube"',
      },
    }),
  youtubeSignupRequired: (): ApiError =>
    apiError(401, 'youtubeSignupRequired', 'Unauthorized', {
      domain: 'youtube.header',
      location: 'Authorization',
      locationType: 'header',
    }),
  quotaExceeded: (): ApiError =>
    apiError(
      403,
      'quotaExceeded',
      'The request cannot be completed because you have exceeded your <a href="/youtube/v3/getting-started#quota">quota</a>.',
      { domain: 'youtube.quota' },
    ),
  uploadLimitExceeded: (): ApiError =>
    apiError(400, 'uploadLimitExceeded', 'The user has exceeded the number of videos they may upload.', {
      domain: 'youtube.video',
    }),
  requiredParameter: (name: string): ApiError =>
    apiError(400, 'required', `Required parameter: ${name}`, { location: name, locationType: 'parameter' }),
  unknownPart: (part: string): ApiError =>
    apiError(400, 'unknownPart', part, {
      domain: 'youtube.part',
      location: 'part',
      locationType: 'parameter',
    }),
  missingFilter: (expected: string): ApiError =>
    apiError(400, 'missingRequiredParameter', `No filter selected. Expected one of: ${expected}`, {
      domain: 'youtube.parameter',
    }),
  invalidParameter: (name: string, message: string): ApiError =>
    apiError(400, 'invalidParameter', message, { location: name, locationType: 'parameter' }),
  invalidPageToken: (): ApiError =>
    apiError(400, 'invalidPageToken', 'The request specifies an invalid page token.', {
      domain: 'youtube.parameter',
      location: 'pageToken',
      locationType: 'parameter',
    }),
  playlistNotFound: (): ApiError =>
    apiError(
      404,
      'playlistNotFound',
      "The playlist identified with the request's <code>playlistId</code> parameter cannot be found.",
      { domain: 'youtube.playlistItem', location: 'playlistId', locationType: 'parameter' },
    ),
  badRequest: (message: string): ApiError => apiError(400, 'badRequest', message),
  parseError: (): ApiError => apiError(400, 'parseError', 'Parse Error'),
  badContent: (mediaType: string): ApiError =>
    apiError(
      400,
      'badContent',
      `Media type '${mediaType}' is not supported. Valid media types: [video/*, application/octet-stream]`,
    ),
  mediaBodyRequired: (): ApiError =>
    apiError(400, 'mediaBodyRequired', 'The request does not include the video content.', {
      domain: 'youtube.video',
    }),
  videoMetadata: (reason: string, message: string): ApiError =>
    apiError(400, reason, message, { domain: 'youtube.video' }),
  notFound: (): ApiError => apiError(404, 'notFound', 'Not Found'),
  backendError: (status = 500): ApiError => apiError(status, 'backendError', 'Backend Error'),
} as const;

/** Google's OAuth endpoints answer flat errors: `{"error":"invalid_grant","error_description":"…"}`. */
export interface OauthError {
  status: number;
  body: { error: string; error_description?: string };
}

/** Builds a flat OAuth error. */
export function oauthError(status: number, error: string, description?: string): OauthError {
  return { status, body: description === undefined ? { error } : { error, error_description: description } };
}

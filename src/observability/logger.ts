import { pino, type Logger, type LoggerOptions } from 'pino';
import pinoPretty, { type PrettyOptions } from 'pino-pretty';

// Keys whose values are secrets wherever they appear; the list is always on, in every environment.
const SECRET_KEYS = [
  'authorization',
  'cookie',
  'set-cookie',
  'password',
  'newPassword',
  'passwordHash',
  'password_hash',
  'access_token',
  'accessToken',
  'refresh_token',
  'refreshToken',
  'code',
  'client_secret',
  'clientSecret',
  'token',
  'id_token',
  'idToken',
  'code_verifier',
  'codeVerifier',
  'signed_request',
  'signedRequest',
];

/** Redaction paths: each secret key at the top level and nested up to three levels, plus HTTP headers. */
export const REDACT_PATHS = [
  ...SECRET_KEYS.flatMap((key) => {
    const plain = /^[A-Za-z_$][\w$]*$/.test(key);
    const nested = plain ? `.${key}` : `["${key}"]`;
    return [plain ? key : nested, `*${nested}`, `*.*${nested}`, `*.*.*${nested}`];
  }),
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
];

// Query parameters that carry secrets in URLs (OAuth callbacks, platform APIs, upload links).
const SECRET_QUERY_PARAMS = new Set([
  'code',
  'state',
  'token',
  'access_token',
  'refresh_token',
  'client_secret',
  'code_verifier',
  'id_token',
  'signed_request',
  'upload_token',
  'input_token',
]);

/** The URL with the values of secret query parameters replaced, so request logs never carry them. */
export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const params = new URLSearchParams(url.slice(q + 1));
  for (const key of new Set(params.keys())) {
    if (SECRET_QUERY_PARAMS.has(key.toLowerCase())) params.set(key, '[redacted]');
  }
  return `${url.slice(0, q)}?${params.toString()}`;
}

interface LoggedRequest {
  method?: string;
  url?: string;
  host?: string;
  ip?: string;
}

/** Fastify's request fields, with the URL's secrets redacted. */
function serializeRequest(req: LoggedRequest) {
  return {
    method: req.method,
    url: req.url === undefined ? undefined : redactUrl(req.url),
    host: req.host,
    remoteAddress: req.ip,
  };
}

export interface LoggerSettings {
  level: string;
  pretty: boolean;
}

// Development lines: time, level and message. The request line's message already says method, path, status and
// time, so its structured copies (and the request id, noise in one local process) are left out of the readable form.
const PRETTY_OPTIONS: PrettyOptions = {
  translateTime: 'SYS:HH:MM:ss',
  ignore: 'pid,hostname,reqId,req,res,responseTime,errorCode',
  singleLine: true,
};

/** pino options shared by the app logger and tests: JSON in production, readable lines in development. */
export function loggerOptions(settings: LoggerSettings): LoggerOptions {
  return {
    level: settings.level,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    serializers: { req: serializeRequest },
    ...(settings.pretty ? { transport: { target: 'pino-pretty', options: PRETTY_OPTIONS } } : {}),
  };
}

/** The app logger; with a destination (tests), the same format is written there, without colours. */
export function createLogger(settings: LoggerSettings, destination?: pino.DestinationStream): Logger {
  if (!destination) return pino(loggerOptions(settings));
  const options = loggerOptions({ ...settings, pretty: false });
  return settings.pretty
    ? pino(options, pinoPretty({ ...PRETTY_OPTIONS, colorize: false, destination }))
    : pino(options, destination);
}

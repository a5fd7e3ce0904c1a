import { pino, type Logger, type LoggerOptions } from 'pino';

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
  ...SECRET_KEYS.flatMap((k) => {
    const key = /^[A-Za-z_$][\w$]*$/.test(k) ? k : `["${k}"]`;
    const dot = key.startsWith('[') ? key : `.${key}`;
    return [key.startsWith('[') ? `${key}` : key, `*${dot}`, `*.*${dot}`, `*.*.*${dot}`];
  }),
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
];

export interface LoggerSettings {
  level: string;
  pretty: boolean;
}

/** pino options shared by the app logger and tests: JSON in production, readable lines in development. */
export function loggerOptions(settings: LoggerSettings): LoggerOptions {
  return {
    level: settings.level,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    ...(settings.pretty
      ? {
          transport: {
            target: 'pino-pretty',
            options: { translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' },
          },
        }
      : {}),
  };
}

export function createLogger(settings: LoggerSettings, destination?: pino.DestinationStream): Logger {
  return destination
    ? pino(loggerOptions({ ...settings, pretty: false }), destination)
    : pino(loggerOptions(settings));
}

import formbody from '@fastify/formbody';
import type { FastifyInstance } from 'fastify';

type FormFields = Record<string, string | string[]>;

/** Reads the text fields of a multipart/form-data body (what `curl -F` sends); file parts are ignored. */
export function parseMultipartFields(body: string, contentType: string): FormFields {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  const marker = boundary?.[1] ?? boundary?.[2];
  const fields: FormFields = {};
  if (!marker) return fields;
  for (const part of body.split(`--${marker}`)) {
    const split = part.indexOf('\r\n\r\n');
    if (split < 0) continue;
    const headers = part.slice(0, split);
    const name = /content-disposition:[^\r\n]*\bname="([^"]*)"/i.exec(headers)?.[1];
    if (name === undefined || /\bfilename=/i.test(headers)) continue;
    const value = part.slice(split + 4).replace(/\r\n$/, '');
    const previous = fields[name];
    fields[name] = previous === undefined ? value : [...[previous].flat(), value];
  }
  return fields;
}

/**
 * Form, multipart and "anything else" parsers for a mount. JSON keeps Fastify's parser;
 * unknown content types become a raw string the handlers ignore, instead of Fastify's 415.
 */
export function registerBodyParsers(app: FastifyInstance): void {
  void app.register(formbody);
  app.addContentTypeParser('multipart/form-data', { parseAs: 'string' }, (request, body, done) => {
    done(null, parseMultipartFields(String(body), request.headers['content-type'] ?? ''));
  });
  app.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => done(null, String(body)));
}

/** The body as a field map when it is form-encoded or multipart; otherwise (JSON, text, none) empty. */
export function formFields(body: unknown, contentType: string | undefined): FormFields {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded' && type !== 'multipart/form-data') return {};
  if (typeof body !== 'object' || body === null) return {};
  return body as FormFields;
}

/** The first value of a field that may repeat. */
export function firstValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

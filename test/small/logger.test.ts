import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, redactUrl } from '../../src/observability/logger.js';

describe('log redaction', () => {
  it('redacts secret query parameters in URLs and keeps the rest', () => {
    expect(redactUrl('/oauth/tiktok/callback?code=abc123&state=xyz&scopes=user.info.basic')).toBe(
      '/oauth/tiktok/callback?code=%5Bredacted%5D&state=%5Bredacted%5D&scopes=user.info.basic',
    );
    expect(redactUrl('/v25.0/me?fields=user_id&access_token=IGAAsecret')).not.toContain('IGAAsecret');
    expect(redactUrl('/healthz')).toBe('/healthz');
  });

  it('redacts secret keys at any depth up to three levels, whatever the environment', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _e, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const logger = createLogger({ level: 'info', pretty: true }, sink);
    logger.info(
      {
        password: 'pw-1',
        access_token: 'at-1',
        a: { refreshToken: 'rt-1', b: { client_secret: 'cs-1', c: { code: 'code-1' } } },
        headers: { 'set-cookie': 'sid=1' },
      },
      'probe',
    );
    const out = lines.join('');
    for (const secret of ['pw-1', 'at-1', 'rt-1', 'cs-1', 'code-1', 'sid=1'])
      expect(out).not.toContain(secret);
    expect(out).toContain('probe');
  });
});

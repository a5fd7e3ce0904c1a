import type { FastifyInstance } from 'fastify';

/**
 * What the app's pages may load: only its own scripts, styles, fonts, images and media (no third party, as the
 * privacy policy promises), nothing framing it. Inline styles are allowed for the server-rendered pages'
 * <style> blocks; inline scripts are not. Media links are same-origin, and previews use blob: and data: images.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

// A year, the usual HSTS lifetime; subdomains are left out, as they may be other services of the operator.
const STRICT_TRANSPORT_SECURITY = 'max-age=31536000';

/**
 * Security headers on every response. The local platform sandbox (only mounted on the embedded default) keeps its
 * own pages' rules: its consent forms redirect to the app's OAuth callback, which `form-action` would refuse.
 * No Referer leaves the app (signed media links and reset tokens live in URLs); HSTS when it is served on https.
 */
export function installSecurityHeaders(
  app: FastifyInstance,
  exemptPrefix: string | null,
  options: { https: boolean },
): void {
  app.addHook('onSend', async (request, reply, payload) => {
    void reply.header('x-content-type-options', 'nosniff');
    void reply.header('referrer-policy', 'no-referrer');
    if (options.https) void reply.header('strict-transport-security', STRICT_TRANSPORT_SECURITY);
    if (exemptPrefix === null || !request.url.startsWith(exemptPrefix)) {
      void reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
      void reply.header('x-frame-options', 'DENY');
    }
    return payload;
  });
}

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { describeCounts } from '../../domain/privacy/deletion.js';
import type { HttpDeps } from '../deps.js';

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The human-readable status page of a platform's data-deletion request (the URL we answer Meta with). */
export const privacyRoutes =
  (deps: HttpDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/deletion-status/:code',
      { schema: { hide: true, params: z.strictObject({ code: z.string().min(1).max(64) }) } },
      async (request, reply) => {
        const r = await deps.platformEvents.deletionStatus(request.params.code);
        const what =
          r.connectionsDeleted === 0
            ? 'We held no connection for this account, so there was nothing to delete.'
            : `We deleted ${r.connectionsDeleted} connected account record${r.connectionsDeleted > 1 ? 's' : ''} and all of their access and refresh tokens.`;
        const details = describeCounts(r.deleted);
        const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Data deletion status · AI Factory</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;color:#1b1b1f}</style></head>
<body><main><h1>Data deletion: completed</h1>
<p>Confirmation code <strong>${escapeHtml(r.code)}</strong>, received ${escapeHtml(r.createdAt)} from ${escapeHtml(r.platform)}.</p>
<p>${what}</p>${
          details.length
            ? `<p>In all, we deleted:</p><ul>${details.map((d) => `<li>${escapeHtml(d)}</li>`).join('')}</ul>`
            : ''
        }
<p>We keep no copy. What remains is this page: the code, the date and these numbers, with a one-way hash of the account id so that a repeated request is recognized.</p></main></body></html>`;
        return reply.type('text/html; charset=utf-8').send(html);
      },
    );
  };

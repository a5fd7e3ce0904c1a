import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { privacyPolicy, termsOfService } from '../../domain/privacy/policy-text.js';
import { describeCounts } from '../../domain/privacy/deletion.js';
import type { HttpDeps } from '../deps.js';
import { escapeHtml, publicPage, renderDocument } from '../public-pages.js';

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
            : `We deleted ${r.connectionsDeleted} connected account record${r.connectionsDeleted > 1 ? 's' : ''}, all of their access and refresh tokens, and the statistics read through them.`;
        const details = describeCounts(r.deleted);
        const html = publicPage(
          'Data deletion status',
          `<h1>Data deletion: completed</h1>
<p>Confirmation code <strong>${escapeHtml(r.code)}</strong>, received ${escapeHtml(r.createdAt)} from ${escapeHtml(r.platform)}.</p>
<p>${what}</p>${
            details.length
              ? `<p>In all, we deleted:</p><ul>${details.map((d) => `<li>${escapeHtml(d)}</li>`).join('')}</ul>`
              : ''
          }
<p>We keep no copy. What remains is this page: the code, the date and these numbers, with a one-way hash of the account id so that a repeated request is recognized.</p>`,
        );
        return reply.type('text/html; charset=utf-8').send(html);
      },
    );
  };

/**
 * The public privacy policy and terms, server-rendered so they read without JavaScript or an account; the text is
 * made from the facts of this install (its connectors' scopes, its store, its configured providers).
 */
export const publicPolicyRoutes =
  (deps: HttpDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const policy = renderDocument(privacyPolicy(deps.policyFacts));
    const terms = renderDocument(termsOfService(deps.policyFacts));
    app.get('/privacy', { schema: { hide: true } }, async (_request, reply) =>
      reply.type('text/html; charset=utf-8').send(policy),
    );
    app.get('/terms', { schema: { hide: true } }, async (_request, reply) =>
      reply.type('text/html; charset=utf-8').send(terms),
    );
  };

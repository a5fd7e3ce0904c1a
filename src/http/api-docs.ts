import type { FastifyInstance } from 'fastify';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';

/** Where the API reference page lives; its renderer's files are served under it. */
export const API_DOCS_PATH = '/api/docs';

// The renderer (Swagger UI) ships prebuilt in swagger-ui-dist; only the two files the page loads are served.
const RENDERER_ROOT = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
const RENDERER_FILES = ['swagger-ui.css', 'swagger-ui-bundle.js'];

// The page loads every script from a file: the CSP allows no inline script. The empty data: icon keeps the
// browser from asking for a favicon the app does not have.
const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>AI Factory API reference</title>
    <link rel="icon" href="data:," />
    <link rel="stylesheet" href="${API_DOCS_PATH}/swagger-ui.css" />
  </head>
  <body>
    <div id="reference"></div>
    <script src="${API_DOCS_PATH}/swagger-ui-bundle.js"></script>
    <script src="${API_DOCS_PATH}/init.js"></script>
  </body>
</html>
`;

// validatorUrl: null turns off the badge that would send the document to a third-party validator.
const INIT_SCRIPT = `window.addEventListener('load', function () {
  window.ui = SwaggerUIBundle({
    url: '/api/openapi.json',
    dom_id: '#reference',
    validatorUrl: null,
    deepLinking: true,
  });
});
`;

/**
 * `GET /api/docs`: the API reference, rendered in the browser from `/api/openapi.json` by a self-hosted Swagger UI.
 * Everything it loads comes from the app's origin, under the app's one CSP. Needs `reply.sendFile` (@fastify/static).
 */
export function installApiDocs(app: FastifyInstance): void {
  const hidden = { schema: { hide: true } };
  app.get(API_DOCS_PATH, hidden, async (_request, reply) =>
    reply.type('text/html; charset=utf-8').send(PAGE),
  );
  app.get(`${API_DOCS_PATH}/init.js`, hidden, async (_request, reply) =>
    reply.type('application/javascript; charset=utf-8').send(INIT_SCRIPT),
  );
  for (const file of RENDERER_FILES) {
    app.get(`${API_DOCS_PATH}/${file}`, hidden, async (_request, reply) =>
      reply.sendFile(file, RENDERER_ROOT),
    );
  }
}

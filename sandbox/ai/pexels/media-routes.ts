import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { CATALOG } from './catalog.js';
import { renditions } from './resources.js';
import { servedPhotoSize, type MediaFiles } from './media-files.js';
import type { PexelsFakeState } from './state.js';

const VIDEO_FILE = /^(\d+)-(uhd|hd|sd)_(\d+)_(\d+)_30fps\.mp4$/;

/** The media hosts (images.pexels.com, videos.pexels.com): public files, no key, no rate limit. */
export function registerMediaRoutes(root: FastifyInstance, files: MediaFiles, state: PexelsFakeState): void {
  root.register(async (app) => routes(app, files, state));
}

function routes(app: FastifyInstance, files: MediaFiles, state: PexelsFakeState): void {
  app.addHook('onSend', async (request, reply, payload) => {
    if (reply.statusCode === 200) state.downloads.push(request.url.split('?')[0] ?? request.url);
    return payload;
  });
  app.get('/photos/:id/:file', async (request, reply) => {
    const { id, file } = request.params as { id: string; file: string };
    const entry = CATALOG.find((e) => String(e.id) === id);
    if (!entry || file !== `pexels-photo-${id}.jpeg`) return reply.code(404).send('Not Found');
    const size = servedPhotoSize(entry.photo, request.query as Record<string, string>);
    return sendFile(reply, await files.photo(size.width, size.height, entry.avgColor), 'image/jpeg');
  });

  app.get('/videos/:id/pictures/:file', async (request, reply) => {
    const entry = CATALOG.find((e) => String(e.id) === (request.params as { id: string }).id);
    if (!entry?.video) return reply.code(404).send('Not Found');
    return sendFile(reply, await files.photo(360, 640, entry.avgColor), 'image/jpeg');
  });

  app.get('/video-files/:id/:file', async (request, reply) => {
    const { id, file } = request.params as { id: string; file: string };
    const entry = CATALOG.find((e) => String(e.id) === id);
    const match = VIDEO_FILE.exec(file);
    const width = Number(match?.[3]);
    const height = Number(match?.[4]);
    const listed =
      entry?.video &&
      match?.[1] === id &&
      renditions(entry.video).some((r) => r.width === width && r.height === height);
    if (!entry || !listed) return reply.code(404).send('Not Found');
    return sendFile(reply, await files.video(width, height, entry.avgColor), 'video/mp4');
  });
}

async function sendFile(reply: FastifyReply, path: string, type: string): Promise<FastifyReply> {
  const { size } = await stat(path);
  return reply
    .header('content-type', type)
    .header('content-length', size)
    .header('cache-control', 'public, max-age=31536000')
    .send(createReadStream(path));
}

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBody as errorSchema } from '../../api/common.js';
import { BUILTIN_MUSIC_CATALOG, builtinTrackView } from '../../api/music.js';
import type { HttpDeps } from '../deps.js';
import { requireAuth } from '../session.js';

/** Background music: the built-in tracks, each with a signed link to preview it (uploads are in /library). */
export const musicRoutes =
  (deps: HttpDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/music/builtin',
      {
        schema: {
          tags: ['music'],
          response: { 200: z.object({ tracks: z.array(builtinTrackView) }), 401: errorSchema },
        },
      },
      async (request) => {
        const tracks = await deps.music.builtinTracks(requireAuth(request));
        return {
          tracks: tracks.map(({ track, mediaKey }) => ({
            choice: `builtin:${track}`,
            ...BUILTIN_MUSIC_CATALOG[track],
            previewUrl: deps.mediaLinks.path(mediaKey),
          })),
        };
      },
    );
  };

import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import { nextBriefsView, recommendationsView, type nextBriefsRequest } from '../../../api/analytics.js';
import { apiGet, apiSend } from '../../api/client.js';

/** Cache keys of the recommendations: the workspace's, or one account's. */
export const recommendationKeys = {
  all: ['recommendations'] as const,
  view: (connectionId: string | undefined) => ['recommendations', connectionId ?? 'workspace'] as const,
};

export const recommendationsQuery = (connectionId?: string) =>
  queryOptions({
    queryKey: recommendationKeys.view(connectionId),
    queryFn: ({ signal }) =>
      apiGet(
        connectionId
          ? `/api/analytics/recommendations?connectionId=${encodeURIComponent(connectionId)}`
          : '/api/analytics/recommendations',
        recommendationsView,
        signal,
      ),
    // A refit happens only when new readings arrive, which is at most every hour or so.
    staleTime: 60_000,
  });

/** Levels for the next briefs, pins kept; some briefs explore. */
export const fetchNextBriefs = (request: z.input<typeof nextBriefsRequest>) =>
  apiSend('POST', '/api/analytics/next-briefs', request, nextBriefsView);

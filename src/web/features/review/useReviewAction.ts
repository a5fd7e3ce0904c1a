import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ReviewView } from '../../../api/publishing.js';
import { actOnReview, reviewKeys, type ReviewAction } from './reviewApi.js';

/** Sends a review action; the answer replaces the version's cached review and every queue is read again. */
export function useReviewAction(versionId: string, onDone?: (review: ReviewView) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ action, comment }: { action: ReviewAction; comment?: string }) =>
      actOnReview(versionId, action, comment),
    onSuccess: async (review) => {
      queryClient.setQueryData(reviewKeys.version(versionId), review);
      onDone?.(review);
      await queryClient.invalidateQueries({ queryKey: reviewKeys.all });
    },
  });
}

import type { ReviewView } from '../api/publishing.js';
import type { ReviewEntry } from '../services/review.service.js';
import type { MediaLinks } from './media-links.js';

/** A version's review as the API shows it: the decisions with names, and what the caller may do now. */
export function presentReview(entry: ReviewEntry, links: MediaLinks): ReviewView {
  const { review, version, item, names } = entry;
  return {
    versionId: version.id,
    itemId: item.id,
    itemTitle: item.title,
    versionNumber: version.number,
    state: review?.state ?? null,
    submittedBy: review?.submittedBy ?? null,
    submittedAt: review?.submittedAt ?? null,
    decidedBy: review?.decidedBy ?? null,
    decidedAt: review?.decidedAt ?? null,
    comment: review?.comment ?? null,
    approvedContentHash: review?.seal?.contentHash ?? null,
    history: (review?.history ?? []).map((h) => ({ ...h, byName: names[h.by] ?? null })),
    canSubmit: entry.canSubmit,
    canDecide: entry.canApprove || entry.canReject,
    canApprove: entry.canApprove,
    canReject: entry.canReject,
    coverUrl: links.path(version.outputs.coverKey),
    updatedAt: review?.updatedAt ?? null,
  };
}

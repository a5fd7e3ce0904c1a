import { BugError, UserError, forbidden } from '../errors.js';
import type { IsoDate } from '../people.js';
import { can, type Role } from '../roles.js';
import type { ApprovalSeal, ReviewAction, VersionReview } from './review.js';

/** Who acts on a review, in the workspace of the version. */
export interface Reviewer {
  userId: string;
  role: Role;
}

/** The version a review is about. */
export interface ReviewedVersion {
  versionId: string;
  itemId: string;
  workspaceId: string;
}

/** One review action asked for; `seal` is what an approval binds to (needed for approve). */
export interface ReviewRequest {
  action: ReviewAction;
  actor: Reviewer;
  comment: string | null;
  /** The workspace setting: nobody approves what they submitted, owners included. */
  requireOtherApprover: boolean;
  at: IsoDate;
  seal?: ApprovalSeal;
}

const notPending = () =>
  new UserError('conflict', 'review_not_pending', 'This version is not waiting for review');
const alreadyPending = () =>
  new UserError('conflict', 'review_already_pending', 'This version is already waiting for review');
const alreadyApproved = () =>
  new UserError(
    'conflict',
    'review_already_approved',
    'This version is already approved; a change makes a new version to submit',
  );
const selfApproval = () =>
  new UserError(
    'forbidden',
    'self_approval_not_allowed',
    'This workspace requires someone other than the submitter to approve',
  );
const commentRequired = () =>
  new UserError('validation', 'comment_required', 'Say why it is rejected: a rejection needs a comment');

/** True when the setting forbids this person approving this submission. */
const blockedAsSubmitter = (current: VersionReview, actor: Reviewer, requireOtherApprover: boolean) =>
  requireOtherApprover && current.submittedBy === actor.userId;

/**
 * Throws the stable error that refuses the action, or returns when it is allowed. Submitting needs
 * `content.create` and a version never submitted or rejected; approving needs `content.review` and a pending
 * review (and, with `requireOtherApprover`, someone other than the submitter); rejecting needs `content.review`,
 * a pending or approved review (an approval stays until rejected) and a comment.
 */
export function checkReviewAction(current: VersionReview | null, request: ReviewRequest): void {
  const { action, actor } = request;
  if (action === 'submit') {
    if (!can(actor.role, 'content.create')) throw forbidden('Your role does not allow submitting for review');
    if (current?.state === 'pending') throw alreadyPending();
    if (current?.state === 'approved') throw alreadyApproved();
    return;
  }
  if (!can(actor.role, 'content.review')) throw forbidden('Your role does not allow reviewing');
  if (action === 'approve') {
    if (current?.state !== 'pending') throw notPending();
    if (blockedAsSubmitter(current, actor, request.requireOtherApprover)) throw selfApproval();
    return;
  }
  if (current?.state !== 'pending' && current?.state !== 'approved') throw notPending();
  if (!request.comment?.trim()) throw commentRequired();
}

/** The review after an allowed action: its state, last decision, seal and history (the action appended). */
export function applyReviewAction(
  current: VersionReview | null,
  version: ReviewedVersion,
  request: ReviewRequest,
): VersionReview {
  checkReviewAction(current, request);
  const { action, actor, at } = request;
  const comment = request.comment?.trim() || null;
  const history = [...(current?.history ?? []), { action, by: actor.userId, at, comment }];
  const base = { ...version, history, updatedAt: at };
  if (action === 'submit' || !current) {
    return {
      ...base,
      state: 'pending',
      submittedBy: actor.userId,
      submittedAt: at,
      decidedBy: null,
      decidedAt: null,
      comment,
      seal: null,
    };
  }
  const decided = { ...current, ...base, decidedBy: actor.userId, decidedAt: at, comment };
  if (action === 'reject') return { ...decided, state: 'rejected', seal: null };
  if (!request.seal) throw new BugError('seal_missing', 'An approval needs the seal of what it approves');
  return { ...decided, state: 'approved', seal: request.seal };
}

/** What a person may do with a version's review now (drives the buttons shown). */
export function reviewAbilities(
  current: VersionReview | null,
  actor: Reviewer,
  requireOtherApprover: boolean,
): { canSubmit: boolean; canApprove: boolean; canReject: boolean } {
  const allowed = (action: ReviewAction) => {
    try {
      checkReviewAction(current, {
        action,
        actor,
        requireOtherApprover,
        at: '',
        comment: 'asking only',
      });
      return true;
    } catch (error) {
      if (error instanceof UserError) return false;
      throw error;
    }
  };
  return { canSubmit: allowed('submit'), canApprove: allowed('approve'), canReject: allowed('reject') };
}

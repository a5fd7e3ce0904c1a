import { describe, expect, it } from 'vitest';
import { UserError } from '../../../src/domain/errors.js';
import type { ReviewAction, ReviewState, VersionReview } from '../../../src/domain/publishing/review.js';
import {
  applyReviewAction,
  checkReviewAction,
  reviewAbilities,
  type ReviewRequest,
} from '../../../src/domain/publishing/review-rules.js';
import type { Role } from '../../../src/domain/roles.js';

const VERSION = { versionId: 'v1', itemId: 'i1', workspaceId: 'w1' };
const SEAL = { contentHash: 'h', videoSha256: 'f', metadataHashes: { tiktok: 'm' } };
const T0 = '2026-01-15T12:00:00.000Z';
const T1 = '2026-01-15T13:00:00.000Z';

/** A review in `state`, submitted by `submittedBy`. */
function reviewIn(state: ReviewState, submittedBy = 'editor-1'): VersionReview {
  return {
    ...VERSION,
    state,
    submittedBy,
    submittedAt: T0,
    decidedBy: state === 'pending' ? null : 'reviewer-1',
    decidedAt: state === 'pending' ? null : T0,
    comment: null,
    seal: state === 'approved' ? SEAL : null,
    history: [{ action: 'submit', by: submittedBy, at: T0, comment: null }],
    updatedAt: T0,
  };
}

function request(action: ReviewAction, role: Role, over: Partial<ReviewRequest> = {}): ReviewRequest {
  return {
    action,
    actor: { userId: `${role}-1`, role },
    comment: action === 'reject' ? 'Too long' : null,
    requireOtherApprover: false,
    at: T1,
    ...(action === 'approve' ? { seal: SEAL } : {}),
    ...over,
  };
}

/** The stable code refusing the action, or 'ok'. */
function outcome(current: VersionReview | null, req: ReviewRequest): string {
  try {
    checkReviewAction(current, req);
    return 'ok';
  } catch (error) {
    if (error instanceof UserError) return `${error.kind}:${error.code}`;
    throw error;
  }
}

describe('who may take which review action', () => {
  const table: [ReviewAction, ReviewState | null, Role, string][] = [
    ['submit', null, 'owner', 'ok'],
    ['submit', null, 'editor', 'ok'],
    ['submit', null, 'reviewer', 'forbidden:forbidden'],
    ['submit', null, 'viewer', 'forbidden:forbidden'],
    ['approve', 'pending', 'owner', 'ok'],
    ['approve', 'pending', 'reviewer', 'ok'],
    ['approve', 'pending', 'editor', 'forbidden:forbidden'],
    ['approve', 'pending', 'viewer', 'forbidden:forbidden'],
    ['reject', 'pending', 'owner', 'ok'],
    ['reject', 'pending', 'reviewer', 'ok'],
    ['reject', 'pending', 'editor', 'forbidden:forbidden'],
    ['reject', 'pending', 'viewer', 'forbidden:forbidden'],
  ];
  it.each(table)('%s on %s by %s: %s', (action, state, role, expected) => {
    expect(outcome(state ? reviewIn(state) : null, request(action, role))).toBe(expected);
  });
});

describe('which state each action may start from', () => {
  const table: [ReviewAction, ReviewState | null, string][] = [
    ['submit', null, 'ok'],
    ['submit', 'rejected', 'ok'],
    ['submit', 'pending', 'conflict:review_already_pending'],
    ['submit', 'approved', 'conflict:review_already_approved'],
    ['approve', 'pending', 'ok'],
    ['approve', null, 'conflict:review_not_pending'],
    ['approve', 'approved', 'conflict:review_not_pending'],
    ['approve', 'rejected', 'conflict:review_not_pending'],
    ['reject', 'pending', 'ok'],
    ['reject', 'approved', 'ok'],
    ['reject', null, 'conflict:review_not_pending'],
    ['reject', 'rejected', 'conflict:review_not_pending'],
  ];
  it.each(table)('%s from %s: %s', (action, state, expected) => {
    const role = action === 'submit' ? 'editor' : 'reviewer';
    expect(outcome(state ? reviewIn(state) : null, request(action, role))).toBe(expected);
  });
});

describe('approving your own submission', () => {
  const table: [boolean, Role, string][] = [
    [false, 'owner', 'ok'],
    [true, 'owner', 'forbidden:self_approval_not_allowed'],
  ];
  it.each(table)('with requireOtherApprover %s, the %s who submitted: %s', (setting, role, expected) => {
    const mine = reviewIn('pending', `${role}-1`);
    expect(outcome(mine, request('approve', role, { requireOtherApprover: setting }))).toBe(expected);
  });

  it('lets another person approve when the setting is on, and the submitter still reject', () => {
    const mine = reviewIn('pending', 'owner-1');
    expect(outcome(mine, request('approve', 'reviewer', { requireOtherApprover: true }))).toBe('ok');
    expect(outcome(mine, request('reject', 'owner', { requireOtherApprover: true }))).toBe('ok');
  });
});

describe('a rejection needs a comment', () => {
  it.each([null, '', '   '])('comment %j is refused', (comment) => {
    expect(outcome(reviewIn('pending'), request('reject', 'reviewer', { comment }))).toBe(
      'validation:comment_required',
    );
  });
  it('approving and submitting need none', () => {
    expect(outcome(reviewIn('pending'), request('approve', 'reviewer', { comment: null }))).toBe('ok');
    expect(outcome(null, request('submit', 'editor', { comment: null }))).toBe('ok');
  });
});

describe('applying an action', () => {
  it('submits, rejects, re-submits and approves, keeping the whole history and the seal only while approved', () => {
    const submitted = applyReviewAction(
      null,
      VERSION,
      request('submit', 'editor', { at: T0, comment: ' Ready ' }),
    );
    expect(submitted).toEqual({
      ...VERSION,
      state: 'pending',
      submittedBy: 'editor-1',
      submittedAt: T0,
      decidedBy: null,
      decidedAt: null,
      comment: 'Ready',
      seal: null,
      history: [{ action: 'submit', by: 'editor-1', at: T0, comment: 'Ready' }],
      updatedAt: T0,
    });

    const rejected = applyReviewAction(submitted, VERSION, request('reject', 'reviewer'));
    expect(rejected).toMatchObject({
      state: 'rejected',
      decidedBy: 'reviewer-1',
      comment: 'Too long',
      seal: null,
    });

    const again = applyReviewAction(
      rejected,
      VERSION,
      request('submit', 'owner', { at: '2026-01-15T14:00:00Z' }),
    );
    expect(again).toMatchObject({ state: 'pending', submittedBy: 'owner-1', decidedBy: null, comment: null });

    const approved = applyReviewAction(again, VERSION, request('approve', 'reviewer', { comment: 'Fine' }));
    expect(approved).toMatchObject({
      state: 'approved',
      seal: SEAL,
      decidedBy: 'reviewer-1',
      comment: 'Fine',
    });
    expect(approved.history.map((h) => [h.action, h.by])).toEqual([
      ['submit', 'editor-1'],
      ['reject', 'reviewer-1'],
      ['submit', 'owner-1'],
      ['approve', 'reviewer-1'],
    ]);

    const withdrawn = applyReviewAction(
      approved,
      VERSION,
      request('reject', 'owner', { comment: 'Wrong music' }),
    );
    expect(withdrawn).toMatchObject({ state: 'rejected', seal: null, comment: 'Wrong music' });
    expect(withdrawn.history).toHaveLength(5);
  });

  it('refuses what the rules refuse, leaving the review as it was', () => {
    const pending = reviewIn('pending');
    expect(() => applyReviewAction(pending, VERSION, request('submit', 'editor'))).toThrow(UserError);
    expect(pending.history).toHaveLength(1);
  });
});

describe('what the buttons offer', () => {
  const table: [ReviewState | null, Role, boolean, [boolean, boolean, boolean]][] = [
    [null, 'editor', false, [true, false, false]],
    [null, 'reviewer', false, [false, false, false]],
    ['pending', 'reviewer', false, [false, true, true]],
    ['pending', 'owner', false, [false, true, true]],
    ['pending', 'owner', true, [false, false, true]],
    ['approved', 'owner', false, [false, false, true]],
    ['rejected', 'owner', false, [true, false, false]],
    ['pending', 'viewer', false, [false, false, false]],
  ];
  it.each(table)('%s to the %s (setting %s): submit/approve/reject %j', (state, role, setting, expected) => {
    const current = state ? reviewIn(state, 'owner-1') : null;
    const { canSubmit, canApprove, canReject } = reviewAbilities(
      current,
      { userId: `${role}-1`, role },
      setting,
    );
    expect([canSubmit, canApprove, canReject]).toEqual(expected);
  });
});

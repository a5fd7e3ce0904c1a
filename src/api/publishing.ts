import { z } from 'zod';
import { PUBLICATION_STATUSES, TIKTOK_PRIVACY_LEVELS } from '../domain/publishing/publication.js';
import { idSchema, pageQuery } from './common.js';
import { platformSchema } from './connections.js';

// The publishing API is fixed: other tools drive these names and shapes. Extend only in compatible ways.

export const reviewStateSchema = z.enum(['pending', 'approved', 'rejected']);
export const reviewActionSchema = z.enum(['submit', 'approve', 'reject']);

export const reviewRequest = z.strictObject({
  action: reviewActionSchema,
  comment: z.string().trim().max(2000).optional(),
});

export const reviewDecisionView = z.object({
  action: reviewActionSchema,
  by: z.string(),
  byName: z.string().nullable(),
  at: z.string(),
  comment: z.string().nullable(),
});

/** A version's review state; `state` is null for a version never submitted. */
export const reviewView = z.object({
  versionId: z.string(),
  itemId: z.string(),
  itemTitle: z.string(),
  versionNumber: z.number().int(),
  state: reviewStateSchema.nullable(),
  submittedBy: z.string().nullable(),
  submittedAt: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  comment: z.string().nullable(),
  approvedContentHash: z.string().nullable(),
  history: z.array(reviewDecisionView),
  /** What the person asking may do now. */
  canSubmit: z.boolean(),
  canDecide: z.boolean(),
  /** canDecide split in two: an approved version may still be rejected, but not approved again. */
  canApprove: z.boolean().optional(),
  canReject: z.boolean().optional(),
  coverUrl: z.string().nullable(),
  updatedAt: z.string().nullable(),
});
export type ReviewView = z.infer<typeof reviewView>;

export const reviewListQuery = pageQuery.extend({ state: reviewStateSchema.optional() });

export const tiktokPrivacySchema = z.enum(TIKTOK_PRIVACY_LEVELS);

export const tiktokOptionsInput = z.strictObject({
  mode: z.enum(['direct', 'draft']),
  privacyLevel: tiktokPrivacySchema.optional(),
  disableComment: z.boolean().default(false),
  disableDuet: z.boolean().default(false),
  disableStitch: z.boolean().default(false),
  brandOrganic: z.boolean().default(false),
  brandedContent: z.boolean().default(false),
  isAigc: z.boolean().default(true),
  caption: z.string().optional(),
});

export const instagramOptionsInput = z.strictObject({
  caption: z.string().optional(),
  shareToFeed: z.boolean().default(true),
  coverAtMs: z.number().int().min(0).optional(),
});

export const youtubeOptionsInput = z.strictObject({
  title: z.string().optional(),
  description: z.string().optional(),
  tags: z.array(z.string()).max(500).optional(),
  categoryId: z
    .string()
    .regex(/^\d{1,3}$/)
    .default('22'),
  privacyStatus: z.enum(['private', 'unlisted', 'public']),
  madeForKids: z.boolean(),
  containsSyntheticMedia: z.boolean().default(true),
  publishAt: z.iso.datetime({ offset: true }).optional(),
});

/**
 * `options` is read by the target connection's platform (the connection decides which schema applies), so it is
 * validated in the service, after the connection is known.
 */
export const createPublicationRequest = z.strictObject({
  versionId: idSchema,
  connectionId: idSchema,
  scheduledAt: z.iso.datetime({ offset: true }).optional(),
  /** IANA zone the time was picked in (shown back with it). */
  timeZone: z.string().max(64).optional(),
  options: z.record(z.string(), z.unknown()),
});

export const publicationStatusSchema = z.enum(PUBLICATION_STATUSES);

export const publicationView = z.object({
  id: z.string(),
  itemId: z.string(),
  versionId: z.string(),
  connectionId: z.string(),
  platform: platformSchema,
  status: publicationStatusSchema,
  scheduledAt: z.string().nullable(),
  timeZone: z.string().nullable(),
  startedAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  attempts: z.number().int(),
  platformPostId: z.string().nullable(),
  url: z.string().nullable(),
  error: z.object({ code: z.string(), message: z.string(), retriable: z.boolean() }).nullable(),
  /** Why it is waiting (a platform limit), and until when. */
  deferral: z.object({ reason: z.string(), until: z.string() }).nullable(),
  timeline: z.array(z.object({ at: z.string(), status: publicationStatusSchema, detail: z.string() })),
  options: z.record(z.string(), z.unknown()),
  itemTitle: z.string().nullable(),
  coverUrl: z.string().nullable(),
  account: z.object({ displayName: z.string(), avatarUrl: z.string().nullable() }).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PublicationView = z.infer<typeof publicationView>;

export const publicationListQuery = pageQuery.extend({
  status: publicationStatusSchema.optional(),
  connectionId: idSchema.optional(),
  itemId: idSchema.optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});

export const reschedulePublicationRequest = z.strictObject({
  scheduledAt: z.iso.datetime({ offset: true }),
  timeZone: z.string().max(64).optional(),
});

export const publishOptionsView = z.discriminatedUnion('platform', [
  z.object({
    platform: z.literal('tiktok'),
    creator: z.object({ nickname: z.string(), username: z.string(), avatarUrl: z.string().nullable() }),
    privacyLevelOptions: z.array(tiktokPrivacySchema),
    commentDisabled: z.boolean(),
    duetDisabled: z.boolean(),
    stitchDisabled: z.boolean(),
    maxVideoPostDurationSec: z.number(),
    canPostNow: z.boolean(),
    directPostAvailable: z.boolean(),
    draftAvailable: z.boolean(),
    unauditedApp: z.boolean(),
    reason: z.string().nullable(),
  }),
  z.object({
    platform: z.literal('instagram'),
    quotaTotal: z.number(),
    quotaUsage: z.number(),
    quotaLeft: z.number(),
  }),
  z.object({
    platform: z.literal('youtube'),
    categories: z.array(z.object({ id: z.string(), title: z.string() })),
    canSchedule: z.boolean(),
  }),
]);
export type PublishOptionsView = z.infer<typeof publishOptionsView>;

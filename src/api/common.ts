import { z } from 'zod';

/** The one error body every endpoint answers with. */
export const errorBody = z.object({
  error: z.object({
    code: z.string().describe('Stable, machine-readable error code, e.g. validation_failed'),
    message: z.string().describe('Human-readable explanation'),
    details: z.unknown().optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBody>;

/** Roles a member can hold in a workspace, from most to least powerful. */
export const roleSchema = z.enum(['owner', 'editor', 'reviewer', 'viewer']);
export type Role = z.infer<typeof roleSchema>;

export const idSchema = z.string().min(1).max(64);

/** A page of items plus the cursor for the next page (null on the last page). */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

export const pageQuery = z.strictObject({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

import { UserError } from '../domain/errors.js';
import type { ContentRepository } from '../ports/store/content.js';

/**
 * Refuses new work (an item, a version, an upload) when the workspace already has `max` items queued or
 * generating, or would pass `max` with `adding` more: one workspace cannot fill the render queue for everyone.
 * Counting and creating are separate steps, so two requests at once may pass the limit by one; it is a guard
 * against floods, not an exact quota.
 */
export async function assertQueueRoom(
  content: Pick<ContentRepository, 'listItems'>,
  workspaceId: string,
  max: number,
  adding = 1,
): Promise<void> {
  const page = { limit: max + 1 };
  const queued = await content.listItems(workspaceId, { status: 'queued' }, page);
  const generating = await content.listItems(workspaceId, { status: 'generating' }, page);
  const busy = queued.items.length + generating.items.length;
  if (busy + adding > max) {
    throw new UserError(
      'rate_limited',
      'queue_full',
      `This workspace already has ${busy} videos waiting or being made, and at most ${max} can be at once. ` +
        'Try again when some are done.',
    );
  }
}

import { platformMetadataInput } from './metadata-input.js';
import type { Platform } from '../connection.js';
import type { PlatformMetadata } from '../content.js';
import { UserError } from '../errors.js';
import { validateMetadata } from './validate-metadata.js';

/** The item an edit applies to: where it came from, the platforms it is for, and its current texts. */
export interface MetadataEditTarget {
  source: 'generated' | 'upload';
  platforms: readonly Platform[];
  current: PlatformMetadata | null;
}

/**
 * Checks platform texts a person sent: the strict per-platform shape (no unknown keys, right types), only the
 * item's platforms, each platform's limits, and on a generated video the AI disclosure kept on. Platforms left out
 * keep their current texts. Returns the full metadata, or throws 400 `invalid_metadata`.
 */
export function checkMetadataEdit(value: unknown, target: MetadataEditTarget): PlatformMetadata {
  const parsed = platformMetadataInput.safeParse(value);
  if (!parsed.success) {
    const details = parsed.error.issues.map((issue) => ({
      path: ['metadata', ...issue.path].join('.'),
      message: issue.message,
    }));
    const first = details[0];
    throw invalid(first ? `${first.path}: ${first.message}` : 'The platform texts are not valid', details);
  }
  const edit: PlatformMetadata = parsed.data;
  const foreign = (Object.keys(edit) as Platform[]).filter((p) => !target.platforms.includes(p));
  if (foreign.length > 0) throw invalid(`This video is not for ${foreign.join(', ')}`);
  const merged: PlatformMetadata = { ...target.current, ...edit };
  if (target.source === 'generated') {
    const undisclosed = (Object.keys(merged) as Platform[]).filter((p) => merged[p]?.aiGenerated !== true);
    if (undisclosed.length > 0) {
      throw invalid(
        `A generated video is always marked as AI-generated: keep aiGenerated true for ${undisclosed.join(', ')}`,
      );
    }
  }
  const problems = validateMetadata(merged);
  if (problems.length > 0) throw invalid(problems.map((p) => p.message).join(' '), problems);
  return merged;
}

function invalid(message: string, details?: unknown): UserError {
  return new UserError('validation', 'invalid_metadata', message, details);
}

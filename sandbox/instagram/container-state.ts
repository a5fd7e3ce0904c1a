import type { InstagramSettings } from '../core/settings.js';
import type { Container } from './store.js';

export type ContainerStatusCode = 'IN_PROGRESS' | 'FINISHED' | 'PUBLISHED' | 'ERROR' | 'EXPIRED';

export interface ContainerStatus {
  statusCode: ContainerStatusCode;
  /** The human `status` field; on ERROR it carries the subcode, as the real one does. */
  status: string;
  subcode: number | null;
}

/**
 * The §2.2 state machine, computed from the clock on every read:
 * IN_PROGRESS ─► FINISHED ─► PUBLISHED, FINISHED ─► EXPIRED (24 h), IN_PROGRESS ─► ERROR.
 */
export function containerStatus(
  container: Container,
  now: number,
  settings: InstagramSettings,
): ContainerStatus {
  if (container.publishedMediaId !== null) {
    return {
      statusCode: 'PUBLISHED',
      status: 'Published: Media has been successfully published.',
      subcode: null,
    };
  }
  const processed = now >= container.createdAt + settings.containerProcessingMs;
  const { outcome } = container;
  if (!outcome.ok && (outcome.revealAtOnce || processed)) {
    return {
      statusCode: 'ERROR',
      status: `Error: Media upload has failed with error code ${outcome.subcode}`,
      subcode: outcome.subcode,
    };
  }
  if (!processed) {
    return {
      statusCode: 'IN_PROGRESS',
      status: 'In Progress: Media is still being processed.',
      subcode: null,
    };
  }
  if (now >= container.createdAt + settings.containerExpirySeconds * 1000) {
    return {
      statusCode: 'EXPIRED',
      status: 'Expired: Media was not published within 24 hours.',
      subcode: null,
    };
  }
  return {
    statusCode: 'FINISHED',
    status: 'Finished: Media has been uploaded and it is ready to be published.',
    subcode: null,
  };
}

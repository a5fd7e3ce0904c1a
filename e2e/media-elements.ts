import type { Locator } from '@playwright/test';

/** The members of <video> the tests read: the e2e project compiles without the DOM library. */
export interface VideoElement {
  duration: number;
  videoWidth: number;
  videoHeight: number;
  readyState: number;
  currentTime: number;
  muted: boolean;
  error: { code: number } | null;
  play(): Promise<void>;
  pause(): void;
  addEventListener(type: string, listener: () => void, options: { once: boolean }): void;
}

// HTMLMediaElement.HAVE_METADATA
const HAVE_METADATA = 1;

export interface VideoFacts {
  duration: number;
  width: number;
  height: number;
}

/** Waits for the player's metadata (or reads it if already there); rejects on a media error. */
export function videoFacts(video: Locator): Promise<VideoFacts> {
  return video.evaluate(
    (element: VideoElement, haveMetadata: number) =>
      new Promise<VideoFacts>((resolve, reject) => {
        const facts = () => ({
          duration: element.duration,
          width: element.videoWidth,
          height: element.videoHeight,
        });
        if (element.readyState >= haveMetadata) return resolve(facts());
        element.addEventListener('loadedmetadata', () => resolve(facts()), { once: true });
        element.addEventListener(
          'error',
          () => reject(new Error(`media error ${element.error?.code ?? 'unknown'}`)),
          {
            once: true,
          },
        );
        setTimeout(() => reject(new Error('no loadedmetadata within 20 s')), 20_000);
      }),
    // Passed in: the function runs in the page, where the test's constants do not exist.
    HAVE_METADATA,
  );
}

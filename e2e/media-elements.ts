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

/** The members of <img> the tests read. */
export interface ImageElement {
  complete: boolean;
  naturalWidth: number;
}

/** The path of a player's file, without the signed link's query. */
export const srcPath = async (video: Locator) =>
  new URL((await video.getAttribute('src')) ?? '', 'http://x').pathname;

/** Drops a file on a drop zone as a browser drag would deliver it; `type` is the MIME type the browser claims. */
export async function dropFile(zone: Locator, name: string, bytes: Buffer, type = ''): Promise<void> {
  // Built in the page from base64: the e2e project compiles without the DOM library.
  const dataTransfer = await zone.page().evaluateHandle(`(() => {
    const bytes = Uint8Array.from(atob(${JSON.stringify(bytes.toString('base64'))}), (c) => c.charCodeAt(0));
    const transfer = new DataTransfer();
    transfer.items.add(new File([bytes], ${JSON.stringify(name)}, { type: ${JSON.stringify(type)} }));
    return transfer;
  })()`);
  await zone.dispatchEvent('drop', { dataTransfer });
}

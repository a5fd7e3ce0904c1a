import type { EspeakNGWorker } from '@echogarden/espeak-ng-emscripten';

let loading: Promise<EspeakNGWorker> | null = null;
let queue: Promise<unknown> = Promise.resolve();

/** The process's one eSpeak-NG WASM instance, compiled on first use (about 0.2 s) and kept. */
export function loadEspeak(): Promise<EspeakNGWorker> {
  loading ??= import('@echogarden/espeak-ng-emscripten')
    .then(async ({ default: initialize }) => new (await initialize()).eSpeakNGWorker())
    .catch((error: unknown) => {
      loading = null;
      throw error;
    });
  return loading;
}

/**
 * Runs `work` when no other eSpeak work is running. The instance holds one current voice and rate, and a text
 * is synthesized sentence by sentence with pauses for the event loop in between, so calls must not interleave.
 */
export function withEspeak<T>(work: (espeak: EspeakNGWorker) => Promise<T>): Promise<T> {
  const run = queue.then(async () => work(await loadEspeak()));
  queue = run.catch(() => undefined);
  return run;
}

import type { VisualSource } from '../../../domain/content.js';
import { BugError } from '../../../domain/errors.js';
import type { VisualsProvider } from '../../../ports/visuals-provider.js';
import { GeneratedVisuals, type VisualsInput } from './generated-visuals.js';

/** Told when a provider fails and the next one is asked instead (for a warning in the log). */
export type FallbackListener = (providerId: string, error: unknown) => void;

/**
 * Asks providers in order and returns the first answer; a provider that has nothing (null) or fails (auth,
 * rate limit, timeout, anything) never fails the video: the next one is asked, and the offline generator
 * answers last. Only the caller's own abort stops it.
 */
export async function chooseVisuals(
  providers: readonly VisualsProvider[],
  input: VisualsInput,
  signal?: AbortSignal,
  onFallback?: FallbackListener,
  fallback: VisualsProvider = new GeneratedVisuals(),
): Promise<VisualSource> {
  for (const provider of providers) {
    signal?.throwIfAborted();
    try {
      const source = await provider.choose(input, signal);
      if (source) return source;
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      onFallback?.(provider.id, error);
    }
  }
  const source = await fallback.choose(input, signal);
  if (!source) throw new BugError('no_visual', `The fallback visuals provider ${fallback.id} gave no answer`);
  return source;
}

/** Several providers behind one port: library, then stock, then illustrations, then generated. */
export class VisualsChain implements VisualsProvider {
  readonly id: string;

  constructor(
    private readonly providers: readonly VisualsProvider[],
    private readonly onFallback?: FallbackListener,
    private readonly fallback: VisualsProvider = new GeneratedVisuals(),
  ) {
    this.id = [...providers, fallback].map((p) => p.id).join('>');
  }

  /** Always answers (see chooseVisuals). */
  async choose(input: VisualsInput, signal?: AbortSignal): Promise<VisualSource> {
    return chooseVisuals(this.providers, input, signal, this.onFallback, this.fallback);
  }
}

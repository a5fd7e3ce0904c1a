import Fastify, { type FastifyInstance } from 'fastify';

/**
 * Scaffolding the AI provider fakes share: the Fastify app, listening on 127.0.0.1, and the script of steps the
 * LLM fakes answer with. Each provider's protocol (paths, headers, answers, error bodies) stays in its own fake.
 */

/** A quiet Fastify app whose close() also ends the connections a 'hang' step left open. */
export function fakeApp(): FastifyInstance {
  return Fastify({ logger: false, forceCloseConnections: true });
}

/** What a listening fake adds. */
export interface Listening {
  /** The base URL setting the product is given: the address, then the fake's base path. */
  baseUrl: string;
  close(): Promise<void>;
}

/** Listens on 127.0.0.1 (port 0: any free port) and gives the fake with its base URL and close(). */
export async function listenLocally<Fake extends { app: FastifyInstance }>(
  fake: Fake,
  options: { basePath?: string; port?: number } = {},
): Promise<Fake & Listening> {
  const address = await fake.app.listen({ host: '127.0.0.1', port: options.port ?? 0 });
  return { ...fake, baseUrl: `${address}${options.basePath ?? ''}`, close: () => fake.app.close() };
}

/** Resolves after `ms`: a 'slow' step's delay. */
export function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Steps every LLM fake knows; each fake adds its own (a refusal, a text-only answer…). */
type LlmStep = 'valid' | 'wrong-shape' | 'unauthorized' | 'rate-limited' | 'server-error' | 'slow' | 'hang';

/** Named scenarios for tests of the LLM fakes. */
export type LlmScenario =
  | Exclude<LlmStep, 'wrong-shape'>
  | 'invalid-then-valid' // one schema-breaking answer, then valid ones
  | 'always-invalid'; // schema-breaking answers only

export interface LlmFakeOptions {
  /** Accepted keys (each fake has its default). */
  apiKeys?: string[];
  /** Accepted models (each fake has its default). */
  models?: string[];
  /** The retry-after of a 'rate-limited' answer (3 s by default). */
  retryAfterSeconds?: number;
  /** How long a 'slow' answer takes (1.5 s by default). */
  slowMs?: number;
}

/** Headers and body of a request that passed authentication and validation. */
export interface RecordedRequest {
  headers: Record<string, unknown>;
  body: Record<string, unknown>;
}

/** An LLM fake's Fastify app (not listening) with its script of steps. */
export interface LlmFake<Step extends string> {
  app: FastifyInstance;
  /** Steps served to the next requests, in order; then the default step. */
  enqueue(...steps: Step[]): void;
  /** Sets the queue and default step for a named scenario. */
  behave(scenario: LlmScenario): void;
  /** Every request that passed authentication and validation. */
  requests: RecordedRequest[];
}

/**
 * The steps an LLM fake answers with: queued ones first, in order, then the default. `enqueue` and `behave` are
 * bound, so that a fake hands them to tests as they are.
 */
export class StepScript<Step extends string> {
  private readonly queue: (Step | LlmStep)[] = [];
  private fallback: Step | LlmStep = 'valid';

  /** Queues steps for the next requests. */
  readonly enqueue = (...steps: (Step | LlmStep)[]): void => {
    this.queue.push(...steps);
  };

  /** Clears the queue and sets it and the default step for a scenario. */
  readonly behave = (scenario: LlmScenario): void => {
    this.queue.length = 0;
    if (scenario === 'invalid-then-valid') this.queue.push('wrong-shape');
    this.fallback =
      scenario === 'always-invalid' ? 'wrong-shape' : scenario === 'invalid-then-valid' ? 'valid' : scenario;
  };

  /** The step for the request being answered. */
  next(): Step | LlmStep {
    return this.queue.shift() ?? this.fallback;
  }
}

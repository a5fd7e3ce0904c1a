import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import type { Listening, LlmFake } from '../../../sandbox/ai/fake-server.js';
import { TransientError } from '../../../src/domain/errors.js';
import { rejection } from '../../fakes/rejection.js';

type RunningLlmFake = LlmFake<string> & Listening;

/** A strict JSON schema (closed object, every property required) for requests to the LLM fakes. */
export const strictSchema = {
  type: 'object',
  properties: { title: { type: 'string' }, items: { type: 'array', items: { type: 'string' }, minItems: 2 } },
  required: ['title', 'items'],
  additionalProperties: false,
};

/** The LLM fake of a describe block: it answers validly and has recorded no request when each test starts. */
export interface LlmTestBed<Fake extends RunningLlmFake> {
  readonly fake: Fake;
}

/** Registers the hooks that start, reset and close an LLM fake for the enclosing describe block. */
export function llmTestBed<Fake extends RunningLlmFake>(start: () => Promise<Fake>): LlmTestBed<Fake> {
  let started: Fake | undefined;
  beforeAll(async () => {
    started = await start();
  });
  afterAll(async () => started?.close());
  beforeEach(() => {
    if (!started) return;
    started.requests.length = 0;
    started.behave('valid');
  });
  return {
    get fake() {
      if (!started) throw new Error('the test bed starts in beforeAll');
      return started;
    },
  };
}

/** A step the fake serves once, the TransientError code the writer must turn it into, and its retryAfterMs. */
export type TransientCase<Fake extends RunningLlmFake> = readonly [
  Parameters<Fake['enqueue']>[0],
  string,
  number | undefined,
];

/** One test per case: the fake serves the step to the next request of `write`, which must reject as the case says. */
export function itMapsTransientSteps<Fake extends RunningLlmFake>(
  bed: LlmTestBed<Fake>,
  write: () => Promise<unknown>,
  cases: readonly TransientCase<Fake>[],
): void {
  it.each(cases)('maps %s to a TransientError', async (step, code, retryAfterMs) => {
    bed.fake.enqueue(step);
    const error = await rejection(write());
    expect(error).toBeInstanceOf(TransientError);
    expect(error).toMatchObject({ code, retryAfterMs });
  });
}

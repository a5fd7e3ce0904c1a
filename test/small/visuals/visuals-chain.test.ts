import { describe, expect, it } from 'vitest';
import { VisualsChain, chooseVisuals } from '../../../src/adapters/ai/visuals/visuals-chain.js';
import type { VisualSource } from '../../../src/domain/content.js';
import { TransientError, UserError } from '../../../src/domain/errors.js';
import type { VisualsProvider } from '../../../src/ports/visuals-provider.js';
import { makeBrief } from './brief.js';

const input = {
  workspaceId: 'ws',
  brief: makeBrief(),
  beat: { text: 'Hello', visualCue: 'a pen' },
  beatIndex: 0,
};
const stock: VisualSource = {
  kind: 'stock',
  mediaKey: 'stock/pexels/a.mp4',
  mediaType: 'video',
  credit: 'A on Pexels',
};
const asset: VisualSource = { kind: 'asset', mediaKey: 'workspaces/ws/library/b.png', mediaType: 'image' };

function provider(id: string, answer: VisualSource | null | Error, asked: string[] = []): VisualsProvider {
  return {
    id,
    choose: async () => {
      asked.push(id);
      if (answer instanceof Error) throw answer;
      return answer;
    },
  };
}

describe('chooseVisuals', () => {
  it('returns the first answer and asks no further', async () => {
    const asked: string[] = [];
    const source = await chooseVisuals([provider('a', asset, asked), provider('b', stock, asked)], input);
    expect([source, asked]).toEqual([asset, ['a']]);
  });

  it('asks the next provider when one has nothing', async () => {
    expect(await chooseVisuals([provider('a', null), provider('b', stock)], input)).toEqual(stock);
  });

  it.each([
    new TransientError('provider_rate_limited', 'slow down'),
    new UserError('validation', 'provider_auth', 'bad key'),
    new Error('socket hang up'),
  ])('falls back past a failing provider (%s) and reports it', async (error) => {
    const reported: [string, unknown][] = [];
    const source = await chooseVisuals(
      [provider('pexels', error), provider('b', stock)],
      input,
      undefined,
      (id, e) => reported.push([id, e]),
    );
    expect(source).toEqual(stock);
    expect(reported).toEqual([['pexels', error]]);
  });

  it('ends with generated visuals when every provider fails or has nothing', async () => {
    const source = await chooseVisuals([provider('a', null), provider('b', new Error('down'))], input);
    expect(source).toMatchObject({ kind: 'generated', pattern: 'gradient' });
  });

  it("stops on the caller's abort instead of falling back", async () => {
    const controller = new AbortController();
    const aborting: VisualsProvider = {
      id: 'slow',
      choose: async () => {
        controller.abort(new Error('cancelled by the user'));
        throw new Error('aborted');
      },
    };
    await expect(chooseVisuals([aborting, provider('b', stock)], input, controller.signal)).rejects.toThrow(
      'cancelled by the user',
    );
  });
});

describe('VisualsChain', () => {
  it('is one provider whose id names the whole chain (for the stage cache key)', async () => {
    const chain = new VisualsChain([provider('library:v1', null), provider('pexels:v1', stock)]);
    expect(chain.id).toBe('library:v1>pexels:v1>generated:v1');
    expect(await chain.choose(input)).toEqual(stock);
  });
});

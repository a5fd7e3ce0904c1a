import { describe, expect, it } from 'vitest';
import type { Brief } from '../../../src/domain/content.js';
import { UserError } from '../../../src/domain/errors.js';
import { checkDraft, scriptDraftJsonSchema } from '../../../src/adapters/ai/script/script-draft.js';
import { repairPrompt, systemPrompt, userPrompt } from '../../../src/adapters/ai/script/prompt.js';
import { writeWithOneRepair, type ModelAttempt } from '../../../src/adapters/ai/script/repair-loop.js';
import {
  AnthropicWriter,
  createScriptWriter,
  OfflineTemplateWriter,
  OpenAICompatibleWriter,
  type ScriptWriterSettings,
} from '../../../src/adapters/ai/script/index.js';

const brief: Brief = {
  topic: 'Cold brew coffee at home',
  keyPoints: ['Use coarse ground coffee', 'Steep it overnight'],
  audience: 'busy parents',
  tone: 'calm',
  language: 'fr',
  durationSeconds: 45,
  stylePreset: 'clean',
  palette: [],
  font: 'Inter',
  platforms: ['tiktok'],
  voice: 'none',
  captionStyle: 'clean',
  music: 'none',
};

const draft = {
  hook: ' Why is cold brew so smooth? ',
  beats: [
    { text: 'Use coarse ground coffee.', visualCue: 'close-up of ground coffee' },
    { text: 'Steep it overnight.', visualCue: 'jar in a fridge' },
    { text: 'Dilute before serving.', visualCue: 'pouring into a glass' },
  ],
  callToAction: 'Follow for more.',
};

describe('the script schema sent to models', () => {
  it('is strict: every object closed and every property required, arrays bounded to 3–7', () => {
    const schema = scriptDraftJsonSchema();
    expect(schema).not.toHaveProperty('$schema');
    const visit = (node: Record<string, unknown>): void => {
      if (node.type === 'object') {
        expect(node.additionalProperties).toBe(false);
        expect(node.required).toEqual(Object.keys(node.properties as object));
        Object.values(node.properties as Record<string, Record<string, unknown>>).forEach(visit);
      }
      if (node.type === 'array') visit(node.items as Record<string, unknown>);
    };
    visit(schema);
    expect(schema).toMatchObject({ properties: { beats: { minItems: 3, maxItems: 7 } } });
  });
});

describe('checkDraft', () => {
  it('turns a valid answer into a trimmed script in the brief’s language', () => {
    const result = checkDraft(draft, brief, 'openai:gpt-4o-mini');
    expect(result).toEqual({
      ok: true,
      script: { ...draft, hook: 'Why is cold brew so smooth?', language: 'fr', writer: 'openai:gpt-4o-mini' },
    });
  });

  it.each<[string, unknown, RegExp]>([
    ['missing beats', { hook: 'h', callToAction: 'c' }, /^beats: /],
    ['too few beats', { ...draft, beats: draft.beats.slice(0, 2) }, /^beats: .*3/],
    ['an extra property', { ...draft, title: 'x' }, /title/],
    ['an empty hook', { ...draft, hook: '  ' }, /hook/i],
    [
      'an empty cue',
      { ...draft, beats: [...draft.beats.slice(0, 2), { text: 'x', visualCue: '' }] },
      /Beat 3/,
    ],
    ['too many words', { ...draft, hook: 'word '.repeat(300) }, /90 seconds/],
    ['not an object', 'a script', /answer: /],
  ])('reports %s in plain words', (_name, answer, message) => {
    const result = checkDraft(answer, brief, 'w');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.join('\n')).toMatch(message);
  });
});

describe('prompts', () => {
  it('carry the brief: topic line first, audience, tone, language, length and key points in order', () => {
    const user = userPrompt(brief);
    expect(user.split('\n')[0]).toBe('Topic: Cold brew coffee at home');
    expect(user).toContain('busy parents');
    expect(user).toContain('calm');
    expect(user).toMatch(/- Use coarse ground coffee\n- Steep it overnight/);
    const system = systemPrompt(brief);
    expect(system).toContain('"fr"');
    expect(system).toContain('about 108 spoken');
    expect(system).toMatch(/Do not invent statistics/);
    expect(userPrompt({ ...brief, keyPoints: [], audience: '' })).toMatch(/none given[\s\S]*/);
    expect(repairPrompt(['beats: too small', 'The hook is empty.'])).toBe(
      'That answer cannot be used:\n- beats: too small\n- The hook is empty.\n' +
        'Answer again with the complete, corrected script, following the same structure.',
    );
  });
});

describe('the hook style in the prompt', () => {
  const line = (over: Partial<Brief>) =>
    userPrompt({ ...brief, ...over })
      .split('\n')
      .find((text) => text.startsWith('Hook style:'));

  it('names each style the brief asks for, right after the tone', () => {
    const numbered = { keyPoints: ['Steep it for 12 hours'] };
    expect(line({ hookStyle: 'question' })).toMatch(/question.*asks/);
    expect(line({ hookStyle: 'statistic', ...numbered })).toMatch(/statistic.*"12 hours".*no other number/);
    expect(line({ hookStyle: 'story' })).toMatch(/story.*The first time/);
    expect(line({ hookStyle: 'bold-claim' })).toMatch(/bold claim.*not a question/);
    expect(line({ hookStyle: 'how-to' })).toMatch(/how-to.*Here's how to/);
    const lines = userPrompt({ ...brief, hookStyle: 'story' }).split('\n');
    expect(lines.indexOf(line({ hookStyle: 'story' }) ?? '')).toBe(
      lines.findIndex((l) => l.startsWith('Tone:')) + 1,
    );
  });

  it('asks for a question when a statistic has no number from the person', () => {
    expect(line({ hookStyle: 'statistic', keyPoints: ['Use coarse coffee'] })).toMatch(/question.*asks/);
  });

  it('leaves the prompt as it was when the brief has no hook style', () => {
    expect(line({})).toBeUndefined();
    expect(userPrompt({ ...brief, hookStyle: undefined })).toBe(userPrompt(brief));
  });
});

describe('writeWithOneRepair', () => {
  const answer = (value: unknown): ModelAttempt => ({ answer: { ok: true, value } });

  it('returns the first valid answer without a repair', async () => {
    let repairs = 0;
    const script = await writeWithOneRepair(
      brief,
      'w',
      async () => answer(draft),
      async () => {
        repairs++;
        return answer(draft);
      },
    );
    expect(script.hook).toBe('Why is cold brew so smooth?');
    expect(repairs).toBe(0);
  });

  it('sends the errors back once, and uses the corrected answer', async () => {
    const sent: string[][] = [];
    const script = await writeWithOneRepair(
      brief,
      'w',
      async (): Promise<ModelAttempt> => ({ answer: { ok: false, error: 'The answer was not valid JSON.' } }),
      async (_previous, errors) => {
        sent.push(errors);
        return answer(draft);
      },
    );
    expect(sent).toEqual([['The answer was not valid JSON.']]);
    expect(script.beats).toHaveLength(3);
  });

  it('gives up after one failed repair with script_invalid', async () => {
    const failure = writeWithOneRepair(
      brief,
      'openai:m',
      async () => answer({}),
      async () => answer({ hook: '' }),
    );
    await expect(failure).rejects.toBeInstanceOf(UserError);
    await expect(failure).rejects.toMatchObject({ kind: 'validation', code: 'script_invalid' });
    await expect(failure).rejects.toThrow(/openai:m.*even after one correction/);
  });
});

describe('createScriptWriter', () => {
  const settings: ScriptWriterSettings = {
    SCRIPT_PROVIDER: 'offline',
    OPENAI_BASE_URL: 'https://api.openai.com/v1',
    OPENAI_MODEL: 'gpt-4o-mini',
    ANTHROPIC_BASE_URL: 'https://api.anthropic.com',
    ANTHROPIC_MODEL: 'claude-haiku-4-5',
  };

  it('picks the writer the settings name', () => {
    expect(createScriptWriter(settings)).toBeInstanceOf(OfflineTemplateWriter);
    const openai = createScriptWriter({ ...settings, SCRIPT_PROVIDER: 'openai' });
    expect(openai).toBeInstanceOf(OpenAICompatibleWriter);
    expect(openai).toMatchObject({ id: 'openai:gpt-4o-mini', offline: false });
    const anthropic = createScriptWriter({
      ...settings,
      SCRIPT_PROVIDER: 'anthropic',
      ANTHROPIC_API_KEY: 'k',
    });
    expect(anthropic).toBeInstanceOf(AnthropicWriter);
    expect(anthropic.id).toBe('anthropic:claude-haiku-4-5');
  });

  it('refuses Anthropic without a key', () => {
    expect(() => createScriptWriter({ ...settings, SCRIPT_PROVIDER: 'anthropic' })).toThrow(
      /ANTHROPIC_API_KEY/,
    );
  });
});

import { describe, expect, it } from 'vitest';
import { OfflineTemplateWriter } from '../../../src/adapters/ai/script/offline-template.writer.js';
import { HOOK_STYLES, type Brief, type HookStyle } from '../../../src/domain/content.js';
import { firstSentenceAsks } from '../../../src/domain/hook-style.js';
import { targetWordCount, validateScript } from '../../../src/domain/script-rules.js';
import { makeBrief } from '../visuals/brief.js';

const writer = new OfflineTemplateWriter();
const writeFor = (b: Brief) => writer.write(b, { targetWords: targetWordCount(b.durationSeconds) });
const hookOf = async (b: Brief) => (await writeFor(b)).hook;

const LANGUAGES = ['en', 'fr', 'es', 'de', 'pt', 'it'];
// Key points with a number the person gave, in each language.
const FACTS: Record<string, string[]> = {
  en: ['Steep it for 12 hours', 'Use coarse ground coffee'],
  fr: ['Laissez infuser 12 heures', 'Utilisez une mouture grossière'],
  es: ['Déjalo reposar 12 horas', 'Usa café molido grueso'],
  de: ['Lass ihn 12 Stunden ziehen', 'Nimm grob gemahlenen Kaffee'],
  pt: ['Deixe em infusão por 12 horas', 'Use café moído grosso'],
  it: ['Lascialo in infusione per 12 ore', 'Usa caffè macinato grosso'],
};
const TOPICS: Record<string, string> = {
  en: 'Cold brew coffee at home',
  fr: 'Le café infusé à froid',
  es: 'El café cold brew en casa',
  de: 'Cold Brew zu Hause',
  pt: 'O café cold brew em casa',
  it: 'Il caffè cold brew a casa',
};
const briefIn = (language: string, hookStyle: HookStyle | undefined, over: Partial<Brief> = {}) =>
  makeBrief({
    language,
    topic: TOPICS[language] ?? '',
    keyPoints: FACTS[language] ?? [],
    ...(hookStyle ? { hookStyle } : {}),
    ...over,
  });

describe('offline hooks in the brief’s hook style', () => {
  it('writes five different hooks, one per style, in every language, with or without an audience', async () => {
    for (const language of LANGUAGES) {
      for (const audience of ['', 'busy parents']) {
        const hooks = await Promise.all(
          HOOK_STYLES.map((style) => hookOf(briefIn(language, style, { audience }))),
        );
        expect(new Set(hooks).size, hooks.join(' | ')).toBe(HOOK_STYLES.length);
      }
    }
  });

  it('asks in a question hook, and only there; states the person’s number in a statistic hook', async () => {
    for (const language of LANGUAGES) {
      for (const durationSeconds of [10, 30, 90]) {
        for (const style of HOOK_STYLES) {
          const script = await writeFor(briefIn(language, style, { durationSeconds }));
          const hook = script.hook;
          expect(() => validateScript(script), hook).not.toThrow();
          expect(hook, hook).not.toMatch(/[{}]|undefined|null/);
          expect(firstSentenceAsks(hook), `${language} ${style}: ${hook}`).toBe(style === 'question');
          if (style === 'statistic') expect(hook, hook).toContain('12');
          else expect(hook, hook).not.toMatch(/\d/);
        }
      }
    }
  });

  it('opens each English style the way its name says', async () => {
    const hook = (style: HookStyle) => hookOf(briefIn('en', style, { audience: '' }));
    expect(await hook('how-to')).toMatch(/^Here's how to .*cold brew coffee at home/);
    expect(await hook('story')).toMatch(/^(The first time|A while ago|Here's a quick story)/);
    expect(await hook('statistic')).toMatch(/12 hours/);
    expect(await hook('bold-claim')).toMatch(/^(Forget|Most advice|Stop guessing)/);
    expect(await hook('question')).toMatch(/\?$/);
  });

  it('writes a question when a statistic has no number to state, never inventing one', async () => {
    for (const language of LANGUAGES) {
      const numberless = { keyPoints: ['Use coarse ground coffee'] };
      const hook = await hookOf(briefIn(language, 'statistic', numberless));
      expect(hook, hook).not.toMatch(/\d/);
      expect(firstSentenceAsks(hook), hook).toBe(true);
      expect(hook).toBe(await hookOf(briefIn(language, 'question', numberless)));
    }
  });

  it('states a number given in the topic when the key points have none', async () => {
    const topics: Record<string, string> = {
      en: 'Cold brew in 5 minutes',
      fr: 'Un café froid en 5 minutes',
      es: 'Café frío en 5 minutos',
      de: 'Kalter Kaffee in 5 Minuten',
      pt: 'Café gelado em 5 minutos',
      it: 'Caffè freddo in 5 minuti',
    };
    for (const language of LANGUAGES) {
      const topic = topics[language] ?? '';
      const hook = await hookOf(briefIn(language, 'statistic', { topic, keyPoints: [] }));
      expect(hook, hook).toMatch(/\b5 min/i);
      expect(
        hook.match(/\d+/g)?.every((number) => number === '5'),
        hook,
      ).toBe(true);
    }
  });

  it('changes the hook, not the script’s plan: same beats, pictures and call to action', async () => {
    for (const language of LANGUAGES) {
      for (const durationSeconds of [10, 60]) {
        const scripts = await Promise.all(
          [undefined, ...HOOK_STYLES].map((style) => writeFor(briefIn(language, style, { durationSeconds }))),
        );
        const [plain, ...styled] = scripts;
        for (const script of styled) {
          expect(script.hook).not.toBe(plain?.hook);
          // Only the filler sentences that fit the word target may differ, as the hooks differ in length.
          expect(script.beats.map((beat) => beat.visualCue)).toEqual(
            plain?.beats.map((beat) => beat.visualCue),
          );
          expect(script.callToAction).toBe(plain?.callToAction);
        }
      }
    }
  });

  it('keeps the tone’s hook when no style is asked', async () => {
    const plain = await writeFor(briefIn('en', undefined, { tone: 'funny' }));
    expect(plain).toEqual(
      await writeFor({ ...briefIn('en', undefined, { tone: 'funny' }), hookStyle: undefined }),
    );
    expect(await hookOf(briefIn('en', undefined, { tone: 'calm' }))).not.toBe(plain.hook);
  });
});

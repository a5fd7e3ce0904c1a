import { describe, expect, it } from 'vitest';
import type { Brief } from '../../../src/domain/content.js';
import { countWords, spokenText, targetWordCount, validateScript } from '../../../src/domain/script-rules.js';
import { OfflineTemplateWriter } from '../../../src/adapters/ai/script/offline-template.writer.js';

const writer = new OfflineTemplateWriter();
/** Writes with the word target the pipeline first asks for. */
const writeFor = (b: Brief) => writer.write(b, { targetWords: targetWordCount(b.durationSeconds) });

function brief(overrides: Partial<Brief> = {}): Brief {
  return {
    topic: 'Cold brew coffee at home',
    keyPoints: [],
    audience: 'busy parents',
    tone: 'friendly',
    language: 'en',
    durationSeconds: 30,
    stylePreset: 'clean',
    palette: ['#111111', '#ffffff'],
    font: 'Inter',
    platforms: ['tiktok'],
    voice: 'none',
    captionStyle: 'karaoke',
    music: 'none',
    ...overrides,
  };
}

const LANGUAGES = ['en', 'fr', 'es', 'de', 'pt', 'it'];
const TONES: Brief['tone'][] = ['friendly', 'bold', 'calm', 'funny', 'expert'];
const DURATIONS = [10, 30, 60, 90];

describe('OfflineTemplateWriter', () => {
  it('is the offline writer with a stable id', () => {
    expect(writer.id).toBe('offline-template@3');
    expect(writer.offline).toBe(true);
  });

  it('gives the same script for the same brief, and a different one for another topic', async () => {
    const first = await writeFor(brief());
    expect(await writeFor(brief())).toEqual(first);
    expect(await writeFor(brief({ palette: ['#000000'], platforms: ['youtube'] }))).toEqual(first);
    const other = await writeFor(brief({ topic: 'Houseplants that forgive you' }));
    expect(other.hook).not.toBe(first.hook);
  });

  it('writes valid scripts for every language, tone and duration, without placeholders or invented numbers', async () => {
    for (const language of LANGUAGES) {
      for (const tone of TONES) {
        for (const durationSeconds of DURATIONS) {
          for (const keyPoints of [[], ['Use coarse ground coffee', 'Steep it in the fridge overnight']]) {
            for (const audience of ['', 'busy parents']) {
              const script = await writeFor(brief({ language, tone, durationSeconds, keyPoints, audience }));
              const all = [spokenText(script), ...script.beats.map((beat) => beat.visualCue)].join(' | ');
              expect(() => validateScript(script), all).not.toThrow();
              expect(all, all).not.toMatch(/[{}]|\d|lorem|undefined|null/i);
              expect(script.language).toBe(language);
              expect(script.writer).toBe('offline-template@3');
            }
          }
        }
      }
    }
  });

  it.each([
    [10, 0, 3],
    [30, 0, 4],
    [45, 0, 5],
    [60, 0, 6],
    [90, 0, 7],
    [10, 5, 5],
    [30, 2, 4],
    [90, 7, 7],
  ])('%i s with %i key points → %i beats', async (durationSeconds, pointCount, beats) => {
    const keyPoints = Array.from({ length: pointCount }, (_, i) => `Key idea ${'abcdefg'[i]} matters`);
    const script = await writeFor(brief({ durationSeconds, keyPoints }));
    expect(script.beats).toHaveLength(beats);
  });

  it.each([30, 45, 60, 90])('aims for about 2.4 words per second (%i s)', async (durationSeconds) => {
    const target = targetWordCount(durationSeconds);
    for (const keyPoints of [
      [],
      ['Use coarse ground coffee', 'Steep it overnight', 'Dilute before serving'],
    ]) {
      for (const language of LANGUAGES) {
        const words = countWords(spokenText(await writeFor(brief({ durationSeconds, keyPoints, language }))));
        expect(words, `${language} ${durationSeconds}s ${keyPoints.length} points`).toBeGreaterThan(
          target * 0.7,
        );
        expect(words, `${language} ${durationSeconds}s ${keyPoints.length} points`).toBeLessThan(
          target * 1.35,
        );
      }
    }
  });

  it('makes each key point a beat, in order and word for word after its connector', async () => {
    const keyPoints = [
      'Use coarse ground coffee',
      'Steep it in the fridge overnight!',
      'Dilute the concentrate',
    ];
    const script = await writeFor(brief({ keyPoints, durationSeconds: 20 }));
    expect(script.beats).toHaveLength(3);
    expect(script.beats[0]?.text).toMatch(/^(First|Start here|To start), use coarse ground coffee\./);
    expect(script.beats[1]?.text).toMatch(/^\w+( \w+)?[,:] steep it in the fridge overnight!/);
    expect(script.beats[2]?.text).toMatch(/^(Finally|And last|Last), dilute the concentrate\./);
  });

  it('drops list markers pasted with the key points', async () => {
    const script = await writeFor(
      brief({ keyPoints: ['- Grind coarse', '2) Steep overnight', '• Serve cold'] }),
    );
    const text = spokenText(script);
    expect(text).toMatch(/grind coarse\./i);
    expect(text).not.toMatch(/[-•]|\d/);
  });

  it('keeps key points past the seventh in the last beat', async () => {
    const keyPoints = Array.from({ length: 9 }, (_, i) => `Point ${'abcdefghi'[i]} is here`);
    const script = await writeFor(brief({ keyPoints }));
    expect(script.beats).toHaveLength(7);
    expect(script.beats[6]?.text).toMatch(/point g is here\. Point h is here\. Point i is here\./i);
  });

  it('uses the topic, the audience and the tone', async () => {
    const friendly = await writeFor(brief({ tone: 'friendly' }));
    const bold = await writeFor(brief({ tone: 'bold' }));
    for (const script of [friendly, bold]) {
      expect(script.hook.toLowerCase()).toContain('cold brew coffee at home');
      expect(script.hook.toLowerCase()).toContain('busy parents');
    }
    expect(friendly.hook).not.toBe(bold.hook);
    expect(friendly.callToAction).not.toBe(bold.callToAction);
    const noAudience = await writeFor(brief({ audience: '' }));
    expect(noAudience.hook.toLowerCase()).toContain('cold brew coffee at home');
  });

  it('without key points, says it is an outline and never repeats a sentence', async () => {
    const script = await writeFor(brief({ durationSeconds: 90 }));
    const sentences = script.beats.flatMap((beat) => beat.text.split(/(?<=[.?!])\s+/));
    expect(new Set(sentences).size).toBe(sentences.length);
    expect(script.beats[0]?.text.toLowerCase()).toContain('outline');
  });

  it('names the concrete nouns of each beat and of the topic, singular, in an English cue', async () => {
    const script = await writeFor(
      brief({ keyPoints: ['Use coarse ground beans', 'Keep the jars in the fridge'], durationSeconds: 20 }),
    );
    const cueOf = (words: string) => script.beats.find((beat) => beat.text.includes(words))?.visualCue;
    expect(cueOf('coarse ground beans')?.split(', ')).toEqual(expect.arrayContaining(['bean', 'coffee']));
    expect(cueOf('the jars in the fridge')?.split(', ').slice(0, 2)).toEqual(['jar', 'fridge']);
    for (const beat of script.beats) expect(beat.visualCue).toMatch(/^[a-z]+(, [a-z]+){0,3}$/);
  });

  it('picks nouns in the word order of each language', async () => {
    const fr = await writeFor(
      brief({ language: 'fr', topic: 'Le café froid', keyPoints: ['Utilisez un café moulu grossièrement'] }),
    );
    expect(fr.beats.map((b) => b.visualCue).join(' ')).toContain('café moulu');
    const de = await writeFor(
      brief({ language: 'de', topic: 'Kalter Kaffee', keyPoints: ['Verwende grob gemahlene Bohnen'] }),
    );
    expect(de.beats.map((b) => b.visualCue).join(' ')).toContain('Bohnen');
  });

  it('writes in the brief’s language and merges articles with prepositions', async () => {
    const fr = await writeFor(brief({ language: 'fr', topic: 'les plantes vertes', audience: '' }));
    expect(spokenText(fr)).not.toMatch(/\bde les\b|\bà les\b/);
    expect(fr.callToAction).toMatch(/abonnez|enregistrez|partagez|quelle|testez|gardez/i);
    const it = await writeFor(brief({ language: 'it', topic: 'il caffè freddo', durationSeconds: 90 }));
    expect(spokenText(it)).not.toMatch(/\b(di|su|in|da) il\b/);
    const pt = await writeFor(brief({ language: 'pt-BR', topic: 'o café gelado' }));
    expect(pt.language).toBe('pt-BR');
    expect(pt.writer).toBe('offline-template@3');
    expect(spokenText(pt)).not.toMatch(/\bde o\b|\bem o\b/);
  });

  it('falls back to English for other languages and says so', async () => {
    const script = await writeFor(brief({ language: 'ja' }));
    expect(script.language).toBe('en');
    expect(script.writer).toBe('offline-template@3 (en fallback for ja)');
    expect(script.hook.toLowerCase()).toContain('cold brew coffee at home');
  });

  it('keeps numbers the person wrote, and only those', async () => {
    const script = await writeFor(brief({ keyPoints: ['Steep it for 12 hours'] }));
    expect(spokenText(script).match(/\d+/g)).toEqual(['12']);
  });

  it('stops when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(writer.write(brief(), { targetWords: 72 }, controller.signal)).rejects.toThrow();
  });
});

describe('the word target', () => {
  it('writes longer when asked for more words (the pipeline refits a script whose voice came out short)', async () => {
    const b = brief({ durationSeconds: 30 });
    const asked = countWords(spokenText(await writer.write(b, { targetWords: 72 })));
    const more = countWords(spokenText(await writer.write(b, { targetWords: 100 })));
    expect(more).toBeGreaterThan(asked + 15);
    expect(more).toBeGreaterThanOrEqual(85);
    expect(more).toBeLessThanOrEqual(115);
  });

  it.each([
    ['en', 'Cold brew at home'],
    ['fr', 'le café froid'],
    ['de', 'Kaffee zu Hause'],
  ])('in %s, comes within a few words of the target from 36 to 180 words', async (language, topic) => {
    for (const targetWords of [36, 60, 72, 90, 110, 130, 180]) {
      const durationSeconds = Math.min(90, Math.round(targetWords / 2.4));
      const script = await writer.write(brief({ language, topic, durationSeconds }), { targetWords });
      const words = countWords(spokenText(script));
      expect(Math.abs(words - targetWords), `${targetWords} asked, ${words} written`).toBeLessThanOrEqual(
        Math.max(5, targetWords * 0.06),
      );
      expect(() => validateScript(script)).not.toThrow();
    }
  });
});

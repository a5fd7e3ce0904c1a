import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pcmRms } from '../../../src/adapters/audio/pcm.js';
import {
  ESPEAK_PACKAGE_VERSION,
  EspeakVoiceEngine,
} from '../../../src/adapters/ai/voice/espeak/espeak-voice-engine.js';
import { spokenWords } from '../../../src/domain/speech/words.js';
import { UserError } from '../../../src/domain/errors.js';
import { expectMonoWav, expectWellFormedTimings, scratchDir, speechRms } from './support.js';

const ENGLISH_70_WORDS =
  'Most people think productivity is about doing more. It is not. It is about doing the right things first, ' +
  'then protecting your focus while you do them. Start each morning by writing down the three tasks that matter ' +
  'most. Turn off notifications for ninety minutes. Work in short sprints, then take a real break away from your ' +
  'screen. Try this for one week and see what changes. Follow for tips.';

const engine = new EspeakVoiceEngine();
let scratch: Awaited<ReturnType<typeof scratchDir>>;
beforeAll(async () => (scratch = await scratchDir()));
afterAll(async () => scratch.cleanup());

describe('eSpeak-NG (WASM)', () => {
  it('speaks 70 English words quickly, with a timing per word inside the audio', async () => {
    // CPU time, not wall time: parallel test files share the two cores, and synthesis is CPU-bound.
    const measure = async () => {
      const [wall, cpu] = [performance.now(), process.cpuUsage()];
      const spoken = await engine.synthesize({
        text: ENGLISH_70_WORDS,
        language: 'en',
        voice: 'default',
        outDir: scratch.dir,
      });
      const { user, system } = process.cpuUsage(cpu);
      return { spoken, wallMs: performance.now() - wall, cpuMs: (user + system) / 1000 };
    };
    const cold = await measure();
    const warm = await measure();
    const result = warm.spoken;
    const ms = (n: number) => `${Math.round(n)} ms`;
    console.log(
      `espeak 70 words: first call ${ms(cold.wallMs)} wall / ${ms(cold.cpuMs)} CPU (WASM load included), ` +
        `then ${ms(warm.wallMs)} wall / ${ms(warm.cpuMs)} CPU`,
    );
    expect(cold.cpuMs).toBeLessThan(4000);
    expect(warm.cpuMs).toBeLessThan(1500);
    expect(cold.spoken.words).toHaveLength(70);

    const expected = spokenWords(ENGLISH_70_WORDS).map((w) => w.text);
    expect(expected).toHaveLength(70);
    expectWellFormedTimings(result.words, result.durationMs, expected);
    expect(result.durationMs).toBeGreaterThan(15_000);
    expect(result.durationMs).toBeLessThan(40_000);
    const pcm = await expectMonoWav(result);
    expect(pcm.sampleRate).toBe(22050);
    expect(speechRms(pcm, result.words)).toBeGreaterThan(0.05);
    // Words take real time: none is squeezed to nothing, and sentence pauses fall between sentences.
    expect(result.words.every((w) => w.endMs - w.startMs >= 40)).toBe(true);
    const afterMore = result.words.findIndex((w) => w.text === 'more.');
    expect(
      (result.words[afterMore + 1]?.startMs ?? 0) - (result.words[afterMore]?.endMs ?? 0),
    ).toBeGreaterThanOrEqual(250);
  });

  it.each([
    ['fr', 'Bonjour à tous ! Aujourd’hui, on parle de l’école et des élèves.'],
    ['es', 'Hola a todos. Hoy hablamos de tres ideas para ahorrar tiempo.'],
    ['de', 'Guten Morgen! Heute zeige ich dir drei einfache Tricks für mehr Ruhe.'],
    ['pt-BR', 'Olá, pessoal! Hoje vamos falar sobre três hábitos que mudam o seu dia.'],
    ['it', 'Ciao a tutti. Oggi parliamo di come studiare meglio in meno tempo.'],
    ['zh', '大家好。今天我们来聊聊三个好习惯。'],
  ])('speaks %s audibly with word timings', async (language, text) => {
    const result = await engine.synthesize({ text, language, voice: 'default', outDir: scratch.dir });
    expectWellFormedTimings(
      result.words,
      result.durationMs,
      spokenWords(text, language).map((w) => w.text),
    );
    const pcm = await expectMonoWav(result);
    expect(pcmRms(pcm.samples)).toBeGreaterThan(0.03);
    expect(speechRms(pcm, result.words)).toBeGreaterThan(0.05);
    expect(result.words.at(-1)?.endMs).toBeGreaterThan(result.durationMs * 0.7);
  });

  it('lists every voice eSpeak ships, and uses a named one', async () => {
    const voices = await engine.voices();
    expect(voices.length).toBeGreaterThan(100);
    expect(voices.map((v) => v.id)).toEqual(
      expect.arrayContaining(['gmw/en-US', 'roa/fr', 'roa/pt-BR', 'sit/cmn']),
    );
    const british = await engine.synthesize({
      text: 'Hello there.',
      language: 'en',
      voice: 'gmw/en-GB-x-rp',
      outDir: scratch.dir,
    });
    expect(british.words.map((w) => w.text)).toEqual(['Hello', 'there.']);
  });

  it('explains what it cannot do', async () => {
    const input = { text: 'Hello.', language: 'en', voice: 'default', outDir: scratch.dir };
    await expect(engine.synthesize({ ...input, language: 'tlh' })).rejects.toMatchObject({
      code: 'voice_language_unsupported',
    });
    await expect(engine.synthesize({ ...input, voice: 'alloy' })).rejects.toMatchObject({
      code: 'voice_unknown',
    });
    await expect(engine.synthesize({ ...input, text: ' … ' })).rejects.toBeInstanceOf(UserError);
  });

  it('stops between sentences when aborted, and serves calls one at a time', async () => {
    const controller = new AbortController();
    const input = { text: ENGLISH_70_WORDS, language: 'en', voice: 'default', outDir: scratch.dir };
    const aborted = engine.synthesize(input, controller.signal);
    setImmediate(() => controller.abort());
    await expect(aborted).rejects.toMatchObject({ name: 'AbortError' });
    await expect(engine.synthesize(input, AbortSignal.abort())).rejects.toMatchObject({ name: 'AbortError' });
    const [en, fr] = await Promise.all([
      engine.synthesize({ ...input, text: 'One two three.' }),
      engine.synthesize({ ...input, text: 'Un deux trois.', language: 'fr' }),
    ]);
    expect(en.words.map((w) => w.text)).toEqual(['One', 'two', 'three.']);
    expect(fr.words.map((w) => w.text)).toEqual(['Un', 'deux', 'trois.']);
  });

  it('names the installed package version in its id', async () => {
    const manifest = createRequire(import.meta.url).resolve('@echogarden/espeak-ng-emscripten/package.json');
    const { version } = JSON.parse(await readFile(manifest, 'utf8')) as { version: string };
    expect(ESPEAK_PACKAGE_VERSION).toBe(version);
    expect(engine.id).toBe(`espeak-ng-wasm@${version}`);
  });
});

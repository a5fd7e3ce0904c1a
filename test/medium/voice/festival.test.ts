import { chmod, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { festivalStatus, runFestival } from '../../../src/adapters/ai/voice/festival/festival-runner.js';
import { FestivalVoiceEngine } from '../../../src/adapters/ai/voice/festival/festival-voice-engine.js';
import { spokenWords } from '../../../src/domain/speech/words.js';
import { BugError, TransientError } from '../../../src/domain/errors.js';
import { expectMonoWav, expectWellFormedTimings, scratchDir, speechRms } from './support.js';

const status = await festivalStatus();
const installed = status.available;

let scratch: Awaited<ReturnType<typeof scratchDir>>;
beforeAll(async () => (scratch = await scratchDir()));
afterAll(async () => scratch.cleanup());

/** A stand-in festival executable running the given shell body; it records its pid first. */
async function fakeFestival(
  name: string,
  body: string,
): Promise<{ binary: string; pid: () => Promise<number> }> {
  const binary = join(scratch.dir, name);
  const pidFile = `${binary}.pid`;
  await writeFile(binary, `#!/bin/sh\necho $$ > '${pidFile}'\n${body}\n`);
  await chmod(binary, 0o755);
  return { binary, pid: async () => Number(await readFile(pidFile, 'utf8')) };
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('the Festival runner', () => {
  it('feeds the script on stdin and returns the output', async () => {
    const festival = await fakeFestival('echo-festival', 'test "$1" = --pipe && exec cat');
    await expect(runFestival(festival.binary, '(print "hi")\n', { timeoutMs: 5000 })).resolves.toEqual({
      stdout: '(print "hi")\n',
      stderr: '',
    });
  });

  it('kills a festival that runs too long, and leaves no process behind', async () => {
    const festival = await fakeFestival('slow-festival', 'exec sleep 30');
    const error: unknown = await runFestival(festival.binary, '', { timeoutMs: 300 }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TransientError);
    expect(error).toMatchObject({ code: 'voice_engine_timeout' });
    expect(isRunning(await festival.pid())).toBe(false);
  });

  it('kills festival when the caller aborts', async () => {
    const festival = await fakeFestival('abort-festival', 'exec sleep 30');
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 200);
    await expect(
      runFestival(festival.binary, '', { timeoutMs: 10_000, signal: controller.signal }),
    ).rejects.toMatchObject({
      name: 'AbortError',
    });
    expect(isRunning(await festival.pid())).toBe(false);
  });

  it('reports Scheme errors (festival exits 0 on them) and failed exits', async () => {
    const siod = await fakeFestival('siod-festival', 'echo "SIOD ERROR: unbound variable : voice_x"');
    await expect(runFestival(siod.binary, '', { timeoutMs: 5000 })).rejects.toBeInstanceOf(BugError);
    const crash = await fakeFestival('crash-festival', 'exit 3');
    await expect(runFestival(crash.binary, '', { timeoutMs: 5000 })).rejects.toMatchObject({
      message: expect.stringContaining('exit 3') as string,
    });
  });
});

describe('the Festival engine', () => {
  it('says plainly when Festival is not installed', async () => {
    const engine = new FestivalVoiceEngine({ binary: 'no-such-festival-binary' });
    await expect(engine.availability()).resolves.toEqual({
      available: false,
      reason: expect.stringContaining('apt-get install festival') as string,
    });
    expect(await engine.voices()).toEqual([]);
    await expect(
      engine.synthesize({ text: 'Hello.', language: 'en', voice: 'default', outDir: scratch.dir }),
    ).rejects.toMatchObject({ code: 'voice_engine_unavailable' });
  });

  // Needs Debian's festival and festvox-us-slt-hts; CI installs them, so there a missing Festival fails.
  it.skipIf(!installed && process.env.CI !== 'true')(
    'speaks English with a word end time per word',
    async () => {
      const engine = new FestivalVoiceEngine();
      expect((await engine.voices()).map((v) => v.id)).toContain('cmu_us_slt_arctic_hts');
      const text = 'Café “quotes” work — don’t they? Three tips, 1,000 views & more. Try it today!';
      const started = performance.now();
      const result = await engine.synthesize({
        text,
        language: 'en-US',
        voice: 'default',
        outDir: scratch.dir,
      });
      console.log(
        `festival ${spokenWords(text).length} words: ${Math.round(performance.now() - started)} ms`,
      );
      expectWellFormedTimings(
        result.words,
        result.durationMs,
        spokenWords(text).map((w) => w.text),
      );
      expect(result.words.every((w) => w.endMs > w.startMs)).toBe(true);
      const pcm = await expectMonoWav(result);
      expect(speechRms(pcm, result.words)).toBeGreaterThan(0.03);
      await expect(
        engine.synthesize({ text: 'Bonjour.', language: 'fr', voice: 'default', outDir: scratch.dir }),
      ).rejects.toMatchObject({ code: 'voice_language_unsupported' });
      await expect(
        engine.synthesize({ text: 'Hello.', language: 'en', voice: 'kal_missing', outDir: scratch.dir }),
      ).rejects.toMatchObject({ code: 'voice_unknown' });
    },
  );
});

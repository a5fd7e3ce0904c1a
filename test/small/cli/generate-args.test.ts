import { describe, expect, it } from 'vitest';
import { generateHelp, parseGenerateArgs, validateBriefs } from '../../../src/cli/generate-args.js';
import { describeStageLog, mergeStageLogs } from '../../../src/cli/stage-summary.js';
import { UserError } from '../../../src/domain/errors.js';

function userError(run: () => unknown): UserError {
  try {
    run();
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error('expected a UserError');
}

describe('parseGenerateArgs', () => {
  it('turns the brief flags into brief fields', () => {
    const request = parseGenerateArgs([
      '--topic',
      'Cold brew',
      '--duration',
      '30',
      '--language',
      'fr',
      '--voice',
      'none',
      '--style',
      'bold-pop',
      '--caption-style',
      'pop',
      '--hook-style',
      'how-to',
      '--music',
      'builtin:calm',
      '--platforms',
      'tiktok,youtube',
      '--out',
      'video.mp4',
    ]);
    expect(request).toEqual({
      help: false,
      out: 'video.mp4',
      json: false,
      briefsFile: null,
      captionsFile: null,
      brief: {
        topic: 'Cold brew',
        durationSeconds: 30,
        language: 'fr',
        voice: 'none',
        stylePreset: 'bold-pop',
        captionStyle: 'pop',
        hookStyle: 'how-to',
        music: 'builtin:calm',
        platforms: ['tiktok', 'youtube'],
      },
    });
  });

  it('takes an edited captions file and --json', () => {
    const request = parseGenerateArgs([
      '--topic',
      'Cold brew',
      '--out',
      'v.mp4',
      '--captions',
      'v.srt',
      '--json',
    ]);
    expect(request).toMatchObject({ captionsFile: 'v.srt', json: true, brief: { topic: 'Cold brew' } });
  });

  it('asks for nothing else with --help', () => {
    expect(parseGenerateArgs(['--help']).help).toBe(true);
    expect(parseGenerateArgs(['-h']).help).toBe(true);
  });

  it.each([
    [['--topic', 'Cold brew'], 'Give --out.'],
    [['--out', 'v.mp4'], 'Give --topic or --briefs.'],
    [['--topic', 'Cold brew', '--briefs', 'b.csv', '--out', 'dir'], 'not both'],
    [['--briefs', 'b.csv', '--captions', 'v.srt', '--out', 'dir'], '--captions edits one video'],
    [['--topic', 'Cold brew', '--out', 'v.mp4', '--colour', 'red'], "Unknown option '--colour'"],
    [['--topic', 'Cold brew', '--out', 'v.mp4', 'extra'], "Unexpected argument 'extra'"],
    [['--topic', 'Cold brew', '--out'], "Option '--out <value>' argument missing"],
  ])('refuses %j as a usage mistake', (argv, message) => {
    const error = userError(() => parseGenerateArgs(argv));
    expect(error.code).toBe('usage');
    expect(error.message).toContain(message);
    expect(error.message).toContain('ai-factory generate --help');
  });
});

describe('validateBriefs', () => {
  it('passes a hook style into the brief and refuses an unknown one', () => {
    expect(validateBriefs([{ topic: 'Cold brew', hookStyle: 'story' }])[0]?.hookStyle).toBe('story');
    expect(validateBriefs([{ topic: 'Cold brew' }])[0]).not.toHaveProperty('hookStyle');
    expect(() => validateBriefs([{ topic: 'Cold brew', hookStyle: 'cliffhanger' }])).toThrow(
      /Brief 1: hookStyle/,
    );
  });

  it('fills the defaults and passes the music choice into the brief', () => {
    const [brief] = validateBriefs([{ topic: 'Cold brew', music: 'builtin:bright' }]);
    expect(brief).toMatchObject({ topic: 'Cold brew', durationSeconds: 30, music: 'builtin:bright' });
    expect(validateBriefs([{ topic: 'Cold brew' }])[0]?.music).toBe('none');
  });

  it.each([
    [{ topic: 'Cold brew', music: 'loud' }, 'Brief 1: music Use none, builtin:calm, builtin:bright'],
    [{ topic: 'Cold brew', music: 'library:abc123' }, 'Brief 1: music from the library needs the web app'],
    [{ topic: 'Cold brew', durationSeconds: Number('soon') }, 'Brief 1: durationSeconds'],
    [{ topic: 'Cold brew', durationSeconds: 5 }, 'Brief 1: durationSeconds'],
    [{ topic: 'x' }, 'Brief 1: topic Say what the video is about'],
  ])('refuses %j naming the field', (fields, message) => {
    const error = userError(() => validateBriefs([fields]));
    expect(error.code).toBe('brief_invalid');
    expect(error.message).toContain(message);
  });

  it('numbers the brief at fault in a series', () => {
    expect(userError(() => validateBriefs([{ topic: 'Cold brew' }, { topic: 'no' }])).message).toMatch(
      /^Brief 2:/,
    );
  });
});

describe('generateHelp', () => {
  it('says where the cache is, that caption timings are kept, and lists the music choices', () => {
    const help = generateHelp('/data/cli').replace(/\s+/g, ' ');
    expect(help).toContain('/data/cli');
    expect(help).toContain('keep their timing (the times in the file are ignored)');
    expect(help).toContain('--music none|builtin:calm|builtin:bright');
    expect(help).toContain('ai-factory cache clear');
  });
});

describe('stage log summary', () => {
  const log = (cached: Record<string, boolean>) =>
    Object.entries(cached).map(([stage, c]) => ({ stage, cached: c, ms: 10 })) as Parameters<
      typeof describeStageLog
    >[0];

  it.each([
    [{ script: false, voice: false, render: false }, 'ran script, voice, render'],
    [{ script: true, voice: true, render: true }, 'reused script, voice, render (nothing changed)'],
    [
      { script: true, captions: false, render: false, metadata: true },
      're-ran captions, render; reused script, metadata',
    ],
  ])('describes %j', (cached, text) => {
    expect(describeStageLog(log(cached))).toBe(text);
  });

  it('counts a stage as run when either pass ran it, and adds up the times', () => {
    const merged = mergeStageLogs(
      log({ script: false, voice: true, captions: true }),
      log({ script: true, voice: true, captions: false }),
    );
    expect(merged).toEqual([
      { stage: 'script', cached: false, ms: 20 },
      { stage: 'voice', cached: true, ms: 20 },
      { stage: 'captions', cached: false, ms: 20 },
    ]);
  });
});

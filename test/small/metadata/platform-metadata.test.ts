import { describe, expect, it } from 'vitest';
import type { Brief, PlatformMetadata, Script } from '../../../src/domain/content.js';
import {
  buildPlatformMetadata,
  buildUploadMetadata,
  countHashtags,
  countMentions,
  hashtagsFor,
  METADATA_LIMITS,
  utf16Length,
  utf8Bytes,
  validateMetadata,
  youtubeTagsFor,
  youtubeTagsLength,
} from '../../../src/domain/metadata/index.js';

function brief(overrides: Partial<Brief> = {}): Brief {
  return {
    topic: 'Cold brew coffee at home',
    keyPoints: ['Use coarse ground coffee', 'Steep it in the fridge'],
    audience: 'busy parents',
    tone: 'friendly',
    language: 'en',
    durationSeconds: 30,
    stylePreset: 'clean',
    palette: [],
    font: 'Inter',
    platforms: ['tiktok', 'youtube', 'instagram'],
    voice: 'none',
    captionStyle: 'karaoke',
    music: 'none',
    ...overrides,
  };
}

function script(overrides: Partial<Script> = {}): Script {
  return {
    language: 'en',
    hook: 'Why does cold brew taste so smooth?',
    beats: [
      { text: 'Use coarse ground coffee.', visualCue: 'close-up of ground coffee' },
      { text: 'Steep it in the fridge.', visualCue: 'jar in a fridge' },
      { text: 'Dilute before serving.', visualCue: 'pouring into a glass' },
    ],
    callToAction: 'Follow for more coffee tips!',
    writer: 'test',
    ...overrides,
  };
}

describe('hashtags and tags', () => {
  it('derive from the topic first, then the key points, without repeats', () => {
    expect(hashtagsFor(brief())).toEqual(['#coldbrewcoffee', '#cold', '#brew', '#coffee', '#home']);
    expect(
      hashtagsFor(brief({ topic: 'Coffee', keyPoints: ['Grind the coffee coarse', 'Use filtered water'] })),
    ).toEqual(['#coffee', '#grind', '#coarse', '#filtered', '#water']);
  });

  it('keep letters of any script and drop punctuation', () => {
    expect(hashtagsFor(brief({ topic: 'Café crème à la maison', language: 'fr', keyPoints: [] }))).toEqual([
      '#cafécrème',
      '#café',
      '#crème',
      '#maison',
    ]);
    expect(hashtagsFor(brief({ topic: "Don't-panic budgeting", keyPoints: [] }))).toEqual([
      '#dontpanicbudgeting',
      '#dontpanic',
      '#budgeting',
    ]);
  });

  it.each<[string[], number]>([
    [['Foo-Baz'], 7],
    [['Foo Baz'], 9],
    [['a', 'b'], 3],
    [['cold brew', 'coffee'], 18],
    [[], 0],
  ])('YouTube counts %j as %i characters', (tags, length) => {
    expect(youtubeTagsLength(tags)).toBe(length);
  });

  it('stay within YouTube’s 500 characters however many key points there are', () => {
    const keyPoints = Array.from(
      { length: 60 },
      (_, i) => `distinctive${'abcdefghijklmnopqrstuvwxyz'[i % 26]}${'xyz'[i % 3]}${i} words here`,
    );
    const tags = youtubeTagsFor(brief({ keyPoints }), METADATA_LIMITS.youtubeTagsChars);
    expect(youtubeTagsLength(tags)).toBeLessThanOrEqual(500);
    expect(tags.length).toBeGreaterThan(10);
    expect(tags[0]).toBe('cold brew coffee at home');
  });

  it.each([
    ['#one #two #three', 3],
    ['I code in C# daily', 0],
    ['#café #東京 #emoji😀', 3],
    ['no tags here', 0],
    ['&#39; is an entity', 0],
    ['##double', 0],
  ])('%j has %i hashtags', (text, count) => {
    expect(countHashtags(text)).toBe(count);
  });

  it.each([
    ['@alice and @bob.smith', 2],
    ['mail me at alice@example.com', 0],
    ['@@twice', 0],
    ['(@ana)', 1],
  ])('%j has %i mentions', (text, count) => {
    expect(countMentions(text)).toBe(count);
  });
});

describe('buildPlatformMetadata', () => {
  it('answers only for the brief’s platforms, marked AI-generated', () => {
    const metadata = buildPlatformMetadata(script(), brief({ platforms: ['youtube'] }));
    expect(Object.keys(metadata)).toEqual(['youtube']);
    expect(metadata.youtube?.aiGenerated).toBe(true);
    expect(buildPlatformMetadata(script(), brief({ platforms: [] }))).toEqual({});
  });

  it('writes a caption per platform from the script, with hashtags at the end', () => {
    const metadata = buildPlatformMetadata(script(), brief());
    expect(metadata.tiktok).toEqual({
      caption:
        'Why does cold brew taste so smooth?\n\nFollow for more coffee tips!\n\n#coldbrewcoffee #cold #brew #coffee #home',
      aiGenerated: true,
    });
    expect(metadata.instagram?.caption).toBe(
      'Why does cold brew taste so smooth?\n\n• Use coarse ground coffee.\n• Steep it in the fridge.\n• Dilute before serving.' +
        '\n\nFollow for more coffee tips!\n\n#coldbrewcoffee #cold #brew #coffee #home',
    );
    expect(metadata.youtube?.title).toBe('Why does cold brew taste so smooth?');
    expect(metadata.youtube?.description).toMatch(
      /^Why does cold brew taste so smooth\?\n\nUse coarse ground coffee\./,
    );
    expect(metadata.youtube?.description.endsWith('#coldbrewcoffee #cold #brew #coffee #home #Shorts')).toBe(
      true,
    );
    expect(metadata.youtube?.tags).toContain('cold brew coffee at home');
    expect(validateMetadata(metadata)).toEqual([]);
  });

  it('drops a closing full stop and angle brackets from the YouTube title, falling back to the topic', () => {
    expect(buildPlatformMetadata(script({ hook: 'Use <b>this</b> trick.' }), brief()).youtube?.title).toBe(
      'Use bthis/b trick',
    );
    expect(buildPlatformMetadata(script({ hook: ' <> ' }), brief()).youtube?.title).toBe(
      'Cold brew coffee at home',
    );
  });

  it.each([
    ['long ASCII', 'word '.repeat(2000)],
    ['emoji', '😀 '.repeat(3000)],
    ['family emoji', '👨‍👩‍👧‍👦'.repeat(600)],
    ['multi-byte accents', 'déjà vu à côté '.repeat(500)],
    ['CJK without spaces', '東京の朝ごはん'.repeat(700)],
    ['angle brackets', '<script>alert(1)</script> '.repeat(300)],
  ])('keeps every field within limits with %s', (_name, filler) => {
    const long = script({
      hook: filler,
      beats: [1, 2, 3].map(() => ({ text: filler, visualCue: 'x' })),
      callToAction: filler,
    });
    const metadata = buildPlatformMetadata(long, brief({ topic: filler.slice(0, 300) }));
    expect(utf16Length(metadata.tiktok?.caption ?? '')).toBeLessThanOrEqual(2200);
    expect(utf16Length(metadata.instagram?.caption ?? '')).toBeLessThanOrEqual(2200);
    expect(utf16Length(metadata.youtube?.title ?? '')).toBeLessThanOrEqual(100);
    expect(utf8Bytes(metadata.youtube?.description ?? '')).toBeLessThanOrEqual(5000);
    expect(youtubeTagsLength(metadata.youtube?.tags ?? [])).toBeLessThanOrEqual(500);
    expect(metadata.youtube?.title).not.toMatch(/[<>]/);
    expect(metadata.youtube?.description).not.toMatch(/[<>]/);
    expect(validateMetadata(metadata)).toEqual([]);
    for (const text of [
      metadata.tiktok?.caption,
      metadata.instagram?.caption,
      metadata.youtube?.description,
    ]) {
      expect(text).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
      expect(text).toMatch(/…/);
    }
  });
});

describe('validateMetadata', () => {
  const ok: PlatformMetadata = {
    tiktok: { caption: 'fine', aiGenerated: true },
    youtube: { title: 'Fine', description: 'fine', tags: ['fine'], aiGenerated: true },
    instagram: { caption: 'fine', aiGenerated: true },
  };
  const edit = (patch: (m: PlatformMetadata) => void): PlatformMetadata => {
    const copy = structuredClone(ok);
    patch(copy);
    return copy;
  };

  it.each<[string, PlatformMetadata, string, string, RegExp]>([
    [
      'TikTok caption of 2201 units',
      edit((m) => (m.tiktok!.caption = 'a'.repeat(2201))),
      'tiktok',
      'caption',
      /2201 characters.*2200/,
    ],
    [
      'TikTok caption with emoji past 2200 units',
      edit((m) => (m.tiktok!.caption = '😀'.repeat(1101))),
      'tiktok',
      'caption',
      /2202 characters long \(an emoji counts as two\)/,
    ],
    ['empty YouTube title', edit((m) => (m.youtube!.title = '  ')), 'youtube', 'title', /empty/],
    [
      'YouTube title of 101 characters',
      edit((m) => (m.youtube!.title = 'a'.repeat(101))),
      'youtube',
      'title',
      /101/,
    ],
    ['YouTube title with <', edit((m) => (m.youtube!.title = 'a < b')), 'youtube', 'title', /"<" or ">"/],
    [
      'YouTube description of 5001 bytes',
      edit((m) => (m.youtube!.description = 'é'.repeat(2500) + 'a')),
      'youtube',
      'description',
      /5001 bytes/,
    ],
    [
      'YouTube description with >',
      edit((m) => (m.youtube!.description = 'a > b')),
      'youtube',
      'description',
      /"<" or ">"/,
    ],
    [
      'YouTube tags past 500',
      edit((m) => (m.youtube!.tags = Array.from({ length: 50 }, () => 'tenchars!!'))),
      'youtube',
      'tags',
      /549/,
    ],
    [
      'YouTube tags past 500 by quotes',
      edit((m) => (m.youtube!.tags = Array.from({ length: 45 }, () => 'tag words'))),
      'youtube',
      'tags',
      /539/,
    ],
    ['empty YouTube tag', edit((m) => (m.youtube!.tags = ['ok', ' '])), 'youtube', 'tags', /empty/],
    ['YouTube tag with a comma', edit((m) => (m.youtube!.tags = ['a,b'])), 'youtube', 'tags', /comma/],
    [
      'Instagram caption of 2201',
      edit((m) => (m.instagram!.caption = 'a'.repeat(2201))),
      'instagram',
      'caption',
      /2201/,
    ],
    [
      '31 hashtags',
      edit((m) => (m.instagram!.caption = Array.from({ length: 31 }, (_, i) => `#t${i}`).join(' '))),
      'instagram',
      'caption',
      /31 hashtags/,
    ],
    [
      '21 mentions',
      edit((m) => (m.instagram!.caption = Array.from({ length: 21 }, (_, i) => `@u${i}`).join(' '))),
      'instagram',
      'caption',
      /21 @mentions/,
    ],
  ])('%s', (_name, metadata, platform, field, message) => {
    const problems = validateMetadata(metadata);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ platform, field });
    expect(problems[0]?.message).toMatch(message);
  });

  it('accepts values exactly at the limits', () => {
    const atLimits = edit((m) => {
      m.tiktok!.caption = '😀'.repeat(1100);
      m.youtube!.title = 'a'.repeat(100);
      m.youtube!.description = 'é'.repeat(2500);
      m.youtube!.tags = Array.from({ length: 50 }, (_, i) => (i === 0 ? 'ten char' : 'ninechar!'));
      m.instagram!.caption = [
        ...Array.from({ length: 30 }, (_, i) => `#t${i}`),
        ...Array.from({ length: 20 }, (_, i) => `@u${i}`),
      ].join(' ');
    });
    expect(youtubeTagsLength(atLimits.youtube!.tags)).toBe(500);
    expect(validateMetadata(atLimits)).toEqual([]);
  });
});

describe('buildUploadMetadata', () => {
  const brief = { platforms: ['tiktok', 'instagram', 'youtube'] as Brief['platforms'], language: 'en' };

  it('builds each platform text from the title and description, not labelled AI-made', () => {
    const metadata = buildUploadMetadata(
      { title: 'Latte art <3 steps>', description: 'Steam, pour, swirl.' },
      brief,
    );
    expect(metadata.tiktok?.caption).toMatch(/^Latte art <3 steps>\n\nSteam, pour, swirl\.\n\n#/);
    expect(metadata.youtube?.title).toBe('Latte art 3 steps');
    expect(metadata.youtube?.description).not.toMatch(/[<>]/);
    expect(metadata.youtube?.description).toContain('#Shorts');
    expect([metadata.tiktok, metadata.instagram, metadata.youtube].map((m) => m?.aiGenerated)).toEqual([
      false,
      false,
      false,
    ]);
    expect(validateMetadata(metadata)).toEqual([]);
  });

  it('keeps within every limit, however long the description', () => {
    const metadata = buildUploadMetadata(
      { title: 'T'.repeat(200), description: '😀 word '.repeat(2000) },
      brief,
    );
    expect(validateMetadata(metadata)).toEqual([]);
    expect(utf16Length(metadata.tiktok?.caption ?? '')).toBeLessThanOrEqual(
      METADATA_LIMITS.tiktokCaptionUnits,
    );
    expect(metadata.youtube?.title.length).toBeLessThanOrEqual(100);
  });

  it('writes only for the chosen platforms', () => {
    expect(
      Object.keys(
        buildUploadMetadata({ title: 'Hi there', description: '' }, { ...brief, platforms: ['youtube'] }),
      ),
    ).toEqual(['youtube']);
  });
});

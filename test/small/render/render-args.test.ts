import { describe, expect, it } from 'vitest';
import type { VisualSegment } from '../../../src/domain/content.js';
import { BugError } from '../../../src/domain/errors.js';
import type { RenderPlan } from '../../../src/domain/render-plan.js';
import {
  buildCoverArgs,
  buildPlanAss,
  buildRenderArgs,
  ACCEPTED_DEMUXERS,
  inputsAreGuarded,
  mediaInput,
  DEFAULT_ENCODER,
  ENCODER_SETTINGS,
  encoderArgs,
  renderIdentity,
  type MediaFeatures,
} from '../../../src/domain/render/index.js';

const ALL: MediaFeatures = { subtitles: true, drawtext: true, zoompan: true, loudnorm: true };
const FONT = '/fonts/inter/Inter_800ExtraBold.ttf';

function generated(
  startMs: number,
  endMs: number,
  motion: 'zoom-in' | 'zoom-out' | 'pan-left' | 'pan-right',
) {
  return {
    startMs,
    endMs,
    source: { kind: 'generated', pattern: 'waves', colors: ['#112233', '#445566'], motion },
    overlayText: null,
  } satisfies VisualSegment;
}

function plan(overrides: Partial<RenderPlan> = {}): RenderPlan {
  return {
    width: 1080,
    height: 1920,
    fps: 30,
    durationMs: 3000,
    segments: [
      generated(0, 1500, 'zoom-in'),
      {
        startMs: 1500,
        endMs: 3000,
        source: { kind: 'asset', mediaKey: 'photo', mediaType: 'image' },
        overlayText: 'Big words',
      },
    ],
    files: { photo: '/media/photo.jpg', clip: '/media/clip.mp4' },
    captions: [{ startMs: 0, endMs: 900, words: [{ text: 'Hello', startMs: 0, endMs: 900 }] }],
    captionStyle: 'karaoke',
    fontFile: FONT,
    palette: ['#1e1b4b', '#f4725b'],
    voicePath: '/media/voice.wav',
    musicPath: null,
    ...overrides,
  };
}

function graphOf(args: string[]): string {
  return args[args.indexOf('-filter_complex') + 1] ?? '';
}

function valueAfter(args: string[], flag: string): string | undefined {
  return args[args.indexOf(flag) + 1];
}

describe('buildRenderArgs', () => {
  const args = buildRenderArgs(plan(), ALL, '/out/video.mp4', '/work/captions.ass');

  it('encodes H.264 High yuv420p at 30 fps, AAC 48 kHz stereo, moov first, to the output path last', () => {
    expect(valueAfter(args, '-c:v')).toBe('libx264');
    expect(valueAfter(args, '-profile:v')).toBe('high');
    expect(valueAfter(args, '-pix_fmt')).toBe('yuv420p');
    expect(valueAfter(args, '-r')).toBe('30');
    expect(valueAfter(args, '-c:a')).toBe('aac');
    expect(valueAfter(args, '-ar')).toBe('48000');
    expect(valueAfter(args, '-ac')).toBe('2');
    expect(valueAfter(args, '-movflags')).toBe('+faststart');
    expect(args[args.length - 1]).toBe('/out/video.mp4');
  });

  it('cuts audio and video to the plan duration in whole frames', () => {
    expect(valueAfter(args, '-t')).toBe('3.000');
    expect(valueAfter(buildRenderArgs(plan({ durationMs: 2990 }), ALL, 'o.mp4', 'a.ass'), '-t')).toBe(
      '3.000',
    );
    expect(valueAfter(buildRenderArgs(plan({ durationMs: 2980 }), ALL, 'o.mp4', 'a.ass'), '-t')).toBe(
      '2.967',
    );
  });

  it('reads the image once, then the voice, and maps the joined video and the audio', () => {
    expect(args.slice(0, 12)).toEqual([...mediaInput('/media/photo.jpg'), ...mediaInput('/media/voice.wav')]);
    expect(args.filter((a) => a === '-map')).toHaveLength(2);
    expect(valueAfter(args, '-map')).toBe('[vout]');
    const graph = graphOf(args);
    expect(graph).toContain('[0:v]trim=end_frame=1,');
    expect(graph).toContain('[1:a]aresample=48000');
    expect(graph).toContain(
      '[s0][s1]concat=n=2:v=1:a=0,ass=filename=/work/captions.ass:fontsdir=/fonts/inter[vout]',
    );
  });

  it('gives every segment its share of frames, numbered from 0 at 30 fps', () => {
    const graph = graphOf(args);
    expect(graph).toContain('loop=loop=44:size=1:start=0');
    expect(graph.match(/settb=1\/30,setpts=N,fps=30,format=yuv420p,setsar=1\[s\d\]/g)).toHaveLength(2);
  });

  it.each([
    ['zoom-in', "zoompan=z='1+0.18*on/44'"],
    ['zoom-out', "zoompan=z='1.18-0.18*on/44'"],
    ['pan-left', "crop=1080:1920:x='88*(1-n/44)':y=0:exact=1"],
    ['pan-right', "crop=1080:1920:x='88*n/44':y=0:exact=1"],
  ] as const)('moves a generated background %s', (motion, filter) => {
    const moving = plan({ segments: [generated(0, 1500, motion)], durationMs: 1500 });
    expect(graphOf(buildRenderArgs(moving, ALL, 'o.mp4', 'a.ass'))).toContain(filter);
  });

  it('pans instead of zooming on a build without zoompan', () => {
    const graph = graphOf(buildRenderArgs(plan(), { ...ALL, zoompan: false }, 'o.mp4', 'a.ass'));
    expect(graph).not.toContain('zoompan');
    expect(graph).toContain("crop=1080:1920:x='88*n/44'");
  });

  it('loops and cuts a video clip, scaled and cropped to fill the frame', () => {
    const clipPlan = plan({
      segments: [
        {
          startMs: 0,
          endMs: 3000,
          source: { kind: 'stock', mediaKey: 'clip', mediaType: 'video', credit: 'x' },
          overlayText: null,
        },
      ],
    });
    const clipArgs = buildRenderArgs(clipPlan, ALL, 'o.mp4', 'a.ass');
    expect(clipArgs.slice(0, 10)).toEqual([
      '-stream_loop',
      '-1',
      '-t',
      '3.500',
      ...mediaInput('/media/clip.mp4'),
    ]);
    expect(graphOf(clipArgs)).toContain(
      '[0:v]fps=30,scale=1080:1920:force_original_aspect_ratio=increase:flags=bilinear,crop=1080:1920,',
    );
    expect(graphOf(clipArgs)).toContain('trim=end_frame=90');
  });

  it('ducks looping music under the voice, and keeps the voice at full level', () => {
    const graph = graphOf(buildRenderArgs(plan({ musicPath: '/media/music.mp3' }), ALL, 'o.mp4', 'a.ass'));
    expect(graph).toContain('[bed][key]sidechaincompress=');
    expect(graph).toContain('[voice][ducked]amerge=inputs=2,pan=stereo|c0=c0+c2|c1=c1+c3[aout]');
  });

  it.each([
    [{ voicePath: null, musicPath: null }, 'anullsrc=r=48000:cl=stereo[aout]', []],
    [
      { voicePath: null, musicPath: '/m.mp3' },
      '[1:a]aresample=48000',
      ['-stream_loop', '-1', ...mediaInput('/m.mp3')],
    ],
  ])('makes an audio track from %j', (audio, filter, inputs) => {
    const audioArgs = buildRenderArgs(plan(audio), ALL, 'o.mp4', 'a.ass');
    expect(graphOf(audioArgs)).toContain(filter);
    expect(audioArgs.slice(6, 6 + inputs.length)).toEqual(inputs);
  });

  it('burns captions with drawtext when the build has no libass', () => {
    const graph = graphOf(buildRenderArgs(plan(), { ...ALL, subtitles: false }, 'o.mp4', 'a.ass'));
    expect(graph).not.toContain('ass=');
    expect(graph).toContain(
      'drawtext=fontfile=/fonts/inter/Inter_800ExtraBold.ttf:expansion=none:text=Hello:',
    );
    expect(graph).toContain('text=Big words:');
    expect(graph).toContain('enable=between(t\\,0.000\\,0.900)');
  });

  it('says clearly that captions cannot be burned without libass or libfreetype', () => {
    const none = { ...ALL, subtitles: false, drawtext: false };
    expect(() => buildRenderArgs(plan(), none, 'o.mp4', 'a.ass')).toThrow(BugError);
    expect(() => buildRenderArgs(plan(), none, 'o.mp4', 'a.ass')).toThrow(
      /neither libass .* nor libfreetype/,
    );
    const silent = plan({ captions: [], segments: [generated(0, 3000, 'zoom-in')] });
    expect(graphOf(buildRenderArgs(silent, none, 'o.mp4', 'a.ass'))).toMatch(/concat=n=1:v=1:a=0\[vout\]/);
  });

  it('escapes paths for the filtergraph', () => {
    const odd = buildRenderArgs(plan({ fontFile: "/f/it's, [odd]:dir/x.ttf" }), ALL, 'o.mp4', '/w/a;b.ass');
    expect(graphOf(odd)).toContain(
      "ass=filename=/w/a\\;b.ass:fontsdir=/f/it\\\\\\'s\\, \\[odd\\]\\\\:dir[vout]",
    );
  });

  it('refuses a plan that names a file it does not have', () => {
    expect(() => buildRenderArgs(plan({ files: {} }), ALL, 'o.mp4', 'a.ass')).toThrow(/no file for photo/);
  });

  it('covers the whole duration with a gradient when there are no segments', () => {
    const graph = graphOf(buildRenderArgs(plan({ segments: [] }), ALL, 'o.mp4', 'a.ass'));
    expect(graph).toContain('loop=loop=89:size=1');
    expect(graph).toContain('concat=n=1:');
  });

  it('uses the chosen encoder settings', () => {
    const small = buildRenderArgs(plan(), ALL, 'o.mp4', 'a.ass', ENCODER_SETTINGS.small);
    expect(valueAfter(small, '-preset')).toBe('veryfast');
    expect(small).not.toContain('-x264-params');
  });
});

describe('encoderArgs', () => {
  it('defaults to ultrafast with CABAC, deblocking, 8×8 transform and adaptive quantisation', () => {
    expect(DEFAULT_ENCODER).toEqual(ENCODER_SETTINGS.fast);
    const args = encoderArgs();
    expect(valueAfter(args, '-preset')).toBe('ultrafast');
    expect(valueAfter(args, '-x264-params')).toBe('cabac=1:deblock=0,0:8x8dct=1:aq-mode=1');
    expect(valueAfter(args, '-crf')).toBe('20');
    expect(valueAfter(args, '-g')).toBe('60');
  });
});

describe('renderIdentity', () => {
  it('changes with the ffmpeg build and with the encoder settings, so a cached render is never stale', () => {
    const base = renderIdentity('system ffmpeg 6.1');
    expect(base).toContain('system ffmpeg 6.1');
    expect(renderIdentity('npm ffmpeg 4.1')).not.toBe(base);
    expect(renderIdentity('system ffmpeg 6.1', ENCODER_SETTINGS.small)).not.toBe(base);
    expect(renderIdentity('system ffmpeg 6.1', { ...DEFAULT_ENCODER, crf: 23 })).not.toBe(base);
    expect(renderIdentity('system ffmpeg 6.1', DEFAULT_ENCODER)).toBe(base);
  });
});

describe('buildPlanAss', () => {
  it('writes the captions and the segments’ overlay text with the font family of the shipped file', () => {
    const ass = buildPlanAss(plan());
    expect(ass).toContain('Style: Caption,Inter ExtraBold,');
    expect(ass).toMatch(/Dialogue: 0,0:00:00\.00,0:00:00\.90,Caption,,0,0,0,,\{\\k90\}Hello/);
    expect(ass).toMatch(/Dialogue: 1,0:00:01\.50,0:00:03\.00,Overlay,.*Big words$/m);
  });
});

describe('every input is opened under the whitelists', () => {
  it('lets no playlist, concat list or device demuxer in', () => {
    expect(ACCEPTED_DEMUXERS).not.toContain('hls');
    expect(ACCEPTED_DEMUXERS).not.toContain('dash');
    expect(ACCEPTED_DEMUXERS).not.toContain('concat');
    expect(ACCEPTED_DEMUXERS).not.toContain('lavfi');
  });

  it('guards every input of a render with a clip, a picture, voice and music, and of a cover', () => {
    const full = plan({ musicPath: '/m.mp3' });
    expect(inputsAreGuarded(buildRenderArgs(full, ALL, 'o.mp4', 'a.ass'))).toBe(true);
    expect(inputsAreGuarded(buildCoverArgs('/v.mp4', 100, '/c.jpg'))).toBe(true);
  });

  it.each<[string, string[], boolean]>([
    ['a bare input', ['-i', '/x.mp4', 'o.mp4'], false],
    ['a second input without the whitelists', [...mediaInput('/a.mp4'), '-i', '/b.m3u8', 'o.mp4'], false],
    [
      'whitelists that let http in',
      ['-protocol_whitelist', 'file,http', '-format_whitelist', 'hls', '-i', '/x', 'o'],
      false,
    ],
    ['a generated lavfi source', ['-f', 'lavfi', '-i', 'testsrc2=d=1', 'o.mp4'], true],
    ['no input at all', ['-version'], true],
  ])('judges %s', (_name, args, guarded) => {
    expect(inputsAreGuarded(args)).toBe(guarded);
  });
});

describe('buildCoverArgs', () => {
  it.each([
    [1500, '1.500'],
    [-20, '0.000'],
  ])('takes one frame at %i ms as a high-quality JPEG', (atMs, seconds) => {
    expect(buildCoverArgs('/v.mp4', atMs, '/c.jpg')).toEqual([
      '-ss',
      seconds,
      '-protocol_whitelist',
      'file',
      '-format_whitelist',
      'mov,matroska,png_pipe,jpeg_pipe,webp_pipe,image2,mp3,aac,wav,ogg,flac',
      '-i',
      '/v.mp4',
      '-frames:v',
      '1',
      '-q:v',
      '2',
      '-update',
      '1',
      '/c.jpg',
    ]);
  });
});

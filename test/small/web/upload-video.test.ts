import { describe, expect, it } from 'vitest';
import { preflightViolationView } from '../../../src/api/version-outputs.js';
import {
  defaultUploadDraft,
  titleFromFileName,
  toUploadForm,
  uploadErrors,
} from '../../../src/web/features/create/uploadDraft.js';
import { summarisePreflight } from '../../../src/web/features/item/preflightSummary.js';
import { versionParts } from '../../../src/web/features/item/versionOutputs.js';

const MB = 1024 * 1024;

describe('the title an upload starts with', () => {
  it.each([
    ['cold_brew_final.mp4', 'cold brew final'],
    ['Harbour at dawn.MOV', 'Harbour at dawn'],
    ['trip.2024.v2.webm', 'trip.2024.v2'],
    ['  spaced   out  .mp4', 'spaced out'],
    ['no-extension', 'no-extension'],
    ['.hidden', '.hidden'],
  ])('%s → %s', (filename, title) => {
    expect(titleFromFileName(filename)).toBe(title);
  });

  it('is cut to the 200 characters a title may have', () => {
    expect(titleFromFileName(`${'a'.repeat(250)}.mp4`)).toHaveLength(200);
  });
});

describe('the checks before an upload is sent', () => {
  const draft = { ...defaultUploadDraft, title: 'Cold brew' };
  const file = { name: 'cold.mp4', size: 3 * MB };

  it('passes a video under the limit with a title and a platform', () => {
    expect(uploadErrors(file, draft, 200 * MB)).toEqual({});
  });

  it('asks for the file, and refuses one over the limit or empty by its name', () => {
    expect(uploadErrors(null, draft, 200 * MB).video).toBe('Choose the video to upload.');
    expect(uploadErrors({ name: 'big.mov', size: 250 * MB }, draft, 200 * MB).video).toBe(
      'big.mov is 250 MB; files up to 200 MB can be uploaded.',
    );
    expect(uploadErrors({ name: 'empty.mp4', size: 0 }, draft, 200 * MB).video).toBe('empty.mp4 is empty.');
  });

  it('wants a title of 3 to 200 characters, a description of at most 2000, and a platform', () => {
    const errors = uploadErrors(
      file,
      { title: ' ab ', description: 'x'.repeat(2001), platforms: [] },
      200 * MB,
    );
    expect(Object.keys(errors)).toEqual(['title', 'description', 'platform-tiktok']);
    expect(uploadErrors(file, { ...draft, title: 'a'.repeat(201) }, 200 * MB).title).toBe(
      'Keep the title to 200 characters.',
    );
    expect(uploadErrors(file, { ...draft, description: 'x'.repeat(2000) }, 200 * MB)).toEqual({});
  });
});

describe('the multipart body', () => {
  it('sends the trimmed fields before the file, platforms comma-separated', async () => {
    const video = new File([new Uint8Array([1, 2, 3])], 'cold.mp4', { type: 'video/mp4' });
    const form = toUploadForm(video, {
      title: '  Cold brew ',
      description: ' Steep overnight. ',
      platforms: ['tiktok', 'youtube'],
    });
    expect([...form.keys()]).toEqual(['title', 'description', 'platforms', 'video']);
    expect(form.get('title')).toBe('Cold brew');
    expect(form.get('description')).toBe('Steep overnight.');
    expect(form.get('platforms')).toBe('tiktok,youtube');
    const sent = form.get('video');
    expect(sent).toBeInstanceOf(File);
    expect((sent as File).name).toBe('cold.mp4');
    expect(new Uint8Array(await (sent as File).arrayBuffer())).toEqual(new Uint8Array([1, 2, 3]));
  });

  it('leaves a blank description out, so the server uses the title', () => {
    const video = new File([], 'a.mp4');
    expect(
      toUploadForm(video, { ...defaultUploadDraft, title: 'Abc', description: '  ' }).has('description'),
    ).toBe(false);
  });
});

describe('the panels of a version', () => {
  const media = {
    container: 'mp4',
    durationMs: 3000,
    sizeBytes: 1000,
    video: { codec: 'h264', profile: 'High', width: 1080, height: 1920, fps: 30, pixelFormat: 'yuv420p' },
    audio: null,
    faststart: true,
  };
  const file = { videoKey: 'k', coverKey: 'c', coverAtMs: 1000, media, preflight: [] };

  it('names the uploaded file and has no script, voice or captions', () => {
    const parts = versionParts({
      source: 'upload',
      filename: 'cold.mp4',
      metadata: { tiktok: { caption: 'Cold brew', aiGenerated: false } },
      ...file,
    });
    expect(parts.upload).toEqual({ filename: 'cold.mp4' });
    expect(parts.script).toBeNull();
    expect(parts.voice).toBeNull();
    expect(parts.captions).toBeNull();
    expect(parts.metadata.tiktok?.caption).toBe('Cold brew');
    expect(parts.media).toEqual(media);
    expect(parts.preflight).toEqual([]);
  });

  it('is no upload for generated outputs, with or without a source', () => {
    const script = { language: 'en', hook: 'Hi', beats: [], callToAction: 'Go', writer: 'edited' };
    const voice = { engine: 'espeak', voice: 'default', durationMs: 3000 };
    const generated = { script, voice, captions: [], metadata: {}, ...file };
    expect(versionParts(generated).upload).toBeNull();
    expect(versionParts(generated).script).toEqual(script);
    expect(versionParts({ ...generated, source: 'generated' }).voice).toEqual(voice);
  });
});

describe('the platform checks of a file', () => {
  const finding = (platform: 'tiktok' | 'instagram' | 'youtube', rule: string, warning = false) => ({
    platform,
    rule,
    message: `${rule} on ${platform}`,
    ...(warning ? { severity: 'warning' as const } : {}),
  });

  it('passes every target platform when nothing is found', () => {
    expect(summarisePreflight([], ['youtube', 'tiktok'])).toEqual({
      passing: ['tiktok', 'youtube'],
      problems: [],
      notes: [],
    });
  });

  it('keeps a platform with only a warning among the passing ones', () => {
    const landscape = [
      finding('tiktok', 'frame_rate'),
      finding('tiktok', 'aspect_ratio'),
      finding('instagram', 'dimensions'),
      finding('youtube', 'shorts_aspect', true),
    ];
    const summary = summarisePreflight(landscape, ['tiktok', 'instagram', 'youtube']);
    expect(summary.passing).toEqual(['youtube']);
    expect(summary.problems.map((f) => `${f.platform} ${f.rule}`)).toEqual([
      'tiktok frame_rate',
      'tiktok aspect_ratio',
      'instagram dimensions',
    ]);
    expect(summary.notes.map((f) => f.rule)).toEqual(['shorts_aspect']);
  });

  it('reads the warning mark from a version, and drops nothing else', () => {
    const preflight = [finding('youtube', 'shorts_aspect', true), finding('tiktok', 'duration')];
    expect(preflightViolationView.array().parse(preflight)).toEqual(preflight);
  });
});

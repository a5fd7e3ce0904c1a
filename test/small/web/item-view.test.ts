import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { itemDetail } from '../../../src/api/content.js';
import { UrlSigner } from '../../../src/adapters/crypto/url-signer.js';
import type { Brief } from '../../../src/domain/content.js';
import type { ContentItem, Version } from '../../../src/domain/content-item.js';
import { presentItem, presentVersion } from '../../../src/http/content-presenters.js';
import { MediaLinks } from '../../../src/http/media-links.js';
import { FakeClock } from '../../fakes/fake-clock.js';

const links = new MediaLinks(new UrlSigner(Buffer.alloc(32, 7)), new FakeClock(0), 'http://localhost');

const brief: Brief = {
  topic: 'Cold brew at home',
  keyPoints: ['Coarse grind'],
  audience: '',
  tone: 'friendly',
  language: 'en',
  durationSeconds: 30,
  stylePreset: 'clean',
  palette: [],
  font: '',
  platforms: ['tiktok', 'youtube'],
  voice: 'default',
  captionStyle: 'karaoke',
  music: 'builtin:calm',
};

const item: ContentItem = {
  id: 'item1',
  workspaceId: 'ws1',
  title: 'Cold brew at home',
  source: 'generated',
  brief,
  status: 'ready',
  currentVersionId: 'v1',
  failure: null,
  createdBy: 'u1',
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
};

const media = {
  container: 'mov,mp4,m4a,3gp,3g2,mj2',
  durationMs: 3000,
  sizeBytes: 1000,
  video: { codec: 'h264', profile: 'High', width: 1080, height: 1920, fps: 30, pixelFormat: 'yuv420p' },
  audio: { codec: 'aac', sampleRate: 48000, channels: 2 },
  faststart: true,
};
const words = [{ text: 'Cold', startMs: 0, endMs: 400 }];

const generated: Version = {
  id: 'v1',
  itemId: 'item1',
  workspaceId: 'ws1',
  number: 1,
  contentHash: 'h1',
  outputs: {
    script: { language: 'en', hook: 'Cold', beats: [], callToAction: 'Try it', writer: 'offline-template' },
    voice: { audioKey: 'voice/secret-place.wav', durationMs: 3000, words, engine: 'espeak-ng', voice: 'en' },
    visuals: [
      {
        startMs: 0,
        endMs: 3000,
        source: { kind: 'asset', mediaKey: 'library/ws1/asset.png', mediaType: 'image' },
        overlayText: null,
      },
    ],
    captions: [{ startMs: 0, endMs: 400, words }],
    videoKey: 'renders/h1.mp4',
    coverKey: 'covers/h1.jpg',
    coverAtMs: 1000,
    metadata: { tiktok: { caption: 'Cold brew #coffee', aiGenerated: true } },
    media,
    preflight: [{ platform: 'youtube', rule: 'shorts_aspect', message: 'Not a Short', severity: 'warning' }],
  },
  edits: {},
  parameters: { stylePreset: 'clean' },
  stageLog: [{ stage: 'script', cached: false, ms: 12 }],
  createdAt: '2025-01-01T00:00:00.000Z',
};

/** What the web app reads: the route's own schema, encoded as the server sends it, parsed as the client does. */
function overTheWire(detail: unknown) {
  const sent: unknown = JSON.parse(JSON.stringify(z.encode(itemDetail, itemDetail.parse(detail))));
  return itemDetail.parse(sent);
}

describe('an item and its versions, typed by one schema for the server and the web app', () => {
  it('gives the web app the script, voice, captions, texts, checks and file facts of a generated version', () => {
    const read = overTheWire({
      item: presentItem(item, generated, links),
      versions: [presentVersion(generated, links)],
    });
    const outputs = read.versions[0]?.outputs;
    if (!outputs || outputs.source === 'upload') throw new Error('expected generated outputs');
    expect(outputs.script.callToAction).toBe('Try it');
    expect(outputs.voice).toEqual({ engine: 'espeak-ng', voice: 'en', durationMs: 3000 });
    expect(outputs.captions).toEqual([{ startMs: 0, endMs: 400, words }]);
    expect(outputs.metadata.tiktok?.caption).toBe('Cold brew #coffee');
    expect(outputs.preflight[0]?.severity).toBe('warning');
    expect(outputs.media.video?.width).toBe(1080);
    expect(read.item.brief.platforms).toEqual(['tiktok', 'youtube']);
    expect(read.item.brief.music).toBe('builtin:calm');
  });

  it('keeps storage details inside: no visual sources and no voice audio file in the answer', () => {
    const sent = JSON.stringify(presentVersion(generated, links));
    expect(sent).not.toContain('library/ws1/asset.png');
    expect(sent).not.toContain('voice/secret-place.wav');
    expect(sent).not.toContain('visuals');
  });

  it('gives an uploaded version its file name and no script, voice or captions', () => {
    const uploaded: Version = {
      ...generated,
      outputs: {
        source: 'upload',
        filename: 'latte.mp4',
        videoKey: 'uploads/latte.mp4',
        coverKey: 'covers/latte.jpg',
        coverAtMs: 0,
        metadata: {},
        media,
        preflight: [],
      },
    };
    const read = overTheWire({
      item: presentItem({ ...item, source: 'upload' }, uploaded, links),
      versions: [presentVersion(uploaded, links)],
    });
    const outputs = read.versions[0]?.outputs;
    expect(outputs?.source).toBe('upload');
    expect(outputs && 'script' in outputs).toBe(false);
    expect(outputs?.source === 'upload' && outputs.filename).toBe('latte.mp4');
  });

  it('shows a brief stored before background music existed as one without music', () => {
    const { music: _music, ...older } = brief;
    const read = overTheWire({
      item: presentItem({ ...item, brief: older as Brief }, null, links),
      versions: [],
    });
    expect(read.item.brief.music).toBe('none');
  });

  it('shows the hook style and the series, and a brief without them as a tone-matched single video', () => {
    const plain = overTheWire({ item: presentItem(item, generated, links), versions: [] });
    expect(plain.item.brief.hookStyle).toBeNull();
    expect(plain.item.seriesId).toBeNull();
    const styled = overTheWire({
      item: presentItem(
        { ...item, brief: { ...brief, hookStyle: 'how-to' }, seriesId: 's1' },
        generated,
        links,
      ),
      versions: [],
    });
    expect(styled.item.brief.hookStyle).toBe('how-to');
    expect(styled.item.seriesId).toBe('s1');
  });

  it('refuses an answer whose outputs miss a part the page shows', () => {
    const presented = presentVersion(generated, links);
    const { script: _script, ...withoutScript } = presented.outputs as Record<string, unknown>;
    const damaged = { ...presented, outputs: withoutScript };
    expect(
      itemDetail.safeParse({ item: presentItem(item, generated, links), versions: [damaged] }).success,
    ).toBe(false);
  });
});

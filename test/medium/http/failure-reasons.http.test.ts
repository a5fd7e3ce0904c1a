import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, startTestApp, type TestApp } from '../../fakes/test-app.js';

// An ffmpeg that has every filter but fails each run naming its output file, as a real one does when the disk
// refuses it: the error text holds a path under DATA_DIR.
const STUB_FFMPEG = `#!/bin/sh
[ "$1" = "-version" ] && { echo "ffmpeg version 0.0-stub"; exit 0; }
if [ "$2" = "-filters" ]; then
  printf ' T.. ass        V->V  ASS\\n T.. drawtext   V->V  text\\n T.. zoompan    V->V  zoom\\n ... loudnorm   A->A  loud\\n'
  exit 0
fi
for last; do :; done
echo "[mp4 @ 0x55d0] $last: Permission denied" >&2
echo "Error opening output files: Permission denied" >&2
exit 1
`;

describe('failure reasons shown to people', () => {
  let t: TestApp;
  let owner: Client;
  let bin: string;

  beforeAll(async () => {
    bin = mkdtempSync(join(tmpdir(), 'aif-stub-ffmpeg-'));
    writeFileSync(join(bin, 'ffmpeg'), STUB_FFMPEG);
    chmodSync(join(bin, 'ffmpeg'), 0o755);
    t = await startTestApp({ FFMPEG_PATH: join(bin, 'ffmpeg') });
    await t.container.startJobs();
    owner = new Client(t.app, t.origin);
    await owner.signUp('owner@example.com');
  });
  afterAll(async () => {
    await t.close();
    rmSync(bin, { recursive: true, force: true });
  });

  it('never carry server paths or raw stderr; the log keeps the full detail', async () => {
    const created = await owner.post('/api/items', {
      topic: 'A render that cannot be written',
      durationSeconds: 10,
    });
    expect(created.statusCode).toBe(201);
    const id = created.json<{ item: { id: string } }>().item.id;
    let item = { status: 'queued', failure: null as { stage: string; reason: string } | null };
    // The job runs in the background; look until it has settled (the test timeout bounds the wait).
    while (item.status === 'queued' || item.status === 'generating') {
      await sleep(100);
      item = (await owner.get(`/api/items/${id}`)).json<{ item: typeof item }>().item;
    }
    expect(item.status).toBe('failed');
    expect(item.failure?.stage).toBe('render');
    expect(item.failure?.reason).toContain('ffmpeg_failed');
    expect(item.failure?.reason).not.toContain(t.dataDir);
    expect(item.failure?.reason).not.toMatch(/Permission denied|mp4 @/);
    const logged = t.logs.join('\n');
    expect(logged).toContain(join(t.dataDir, 'media'));
    expect(logged).toContain('Permission denied');
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { migrateCommand } from '../../../src/cli/migrate.command.js';
import { loadConfig } from '../../../src/config/load.js';

// The mistakes the command catches before it opens anything (the copy itself: test/medium/store/migrate-to-firestore).
describe('ai-factory migrate: the command line', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'aif-migrate-args-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  const config = loadConfig({ DATA_DIR: dataDir }, join(dataDir, 'no.env'));
  const run = (...argv: string[]) => migrateCommand(config, argv, () => undefined);

  it('needs --to firestore and a project', async () => {
    await expect(run('--project', 'p')).rejects.toMatchObject({ code: 'usage', message: /--to firestore/ });
    await expect(run('--to', 'postgres', '--project', 'p')).rejects.toMatchObject({ code: 'usage' });
    await expect(run('--to', 'firestore')).rejects.toMatchObject({
      code: 'usage',
      message: /--project <id>/,
    });
    await expect(run('--to', 'firestore', '--project', 'p', '--yes')).rejects.toMatchObject({
      code: 'usage',
      message: /Unknown argument --yes/,
    });
  });

  it('says so when there is no embedded install to copy', async () => {
    await expect(run('--to', 'firestore', '--project', 'p', '--dry-run')).rejects.toMatchObject({
      code: 'no_install',
      message: /ai-factory\.sqlite is missing/,
    });
  });

  it('prints its usage on --help', async () => {
    const lines: string[] = [];
    expect(await migrateCommand(config, ['--help'], (l) => lines.push(l))).toBe(0);
    expect(lines.join('\n')).toContain('--dry-run');
  });
});

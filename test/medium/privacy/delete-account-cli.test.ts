import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../../src/adapters/store/sqlite/sqlite-store.js';
import { privacyCommand } from '../../../src/cli/privacy.command.js';
import { loadConfig } from '../../../src/config/load.js';
import { Client, startTestApp, type TestApp } from '../../fakes/test-app.js';

describe('ai-factory privacy delete-account (a request that came by mail)', () => {
  let t: TestApp;
  afterEach(() => rmSync(t.dataDir, { recursive: true, force: true }));

  it('shows what would go without --yes, deletes with it, and prints the anonymous confirmation', async () => {
    t = await startTestApp();
    const client = new Client(t.app);
    const { user, workspace } = await client.signUp('mailed.request@example.com');
    await t.app.close();
    await t.container.close();
    const config = loadConfig(
      { DATA_DIR: t.dataDir, PUBLIC_BASE_URL: t.origin, NODE_ENV: 'test' },
      '/nonexistent/.env',
    );

    const dry: string[] = [];
    expect(
      await privacyCommand(config, ['delete-account', '--email', 'Mailed.Request@example.com'], (l) =>
        dry.push(l),
      ),
    ).toBe(0);
    expect(dry.join('\n')).toMatch(/deleted whole/);
    expect(dry.join('\n')).toMatch(/Nothing was deleted/);
    let store = SqliteStore.open(join(t.dataDir, 'ai-factory.sqlite'));
    expect(await store.users.findById(user.id)).not.toBeNull();
    await store.close();

    const lines: string[] = [];
    const code = await privacyCommand(
      config,
      ['delete-account', '--email', 'mailed.request@example.com', '--yes'],
      (l) => lines.push(l),
    );
    expect(code).toBe(0);
    const printed = lines.join('\n');
    expect(printed).toMatch(/accounts: 1/);
    expect(printed).toMatch(/workspaces deleted whole: 1/);
    const confirmation = /Anonymous confirmation: (\S+)/.exec(printed)?.[1];
    expect(confirmation).toBeTruthy();
    expect(printed).not.toContain('mailed.request@example.com');

    store = SqliteStore.open(join(t.dataDir, 'ai-factory.sqlite'));
    expect(await store.users.findById(user.id)).toBeNull();
    expect(await store.workspaces.findById(workspace.id)).toBeNull();
    expect(await store.erasure.findLog(confirmation!)).toMatchObject({ kind: 'account' });
    await store.close();

    await expect(
      privacyCommand(
        config,
        ['delete-account', '--email', 'mailed.request@example.com', '--yes'],
        () => undefined,
      ),
    ).rejects.toMatchObject({ code: 'account_not_found' });
    await expect(privacyCommand(config, ['delete-account'], () => undefined)).rejects.toMatchObject({
      code: 'usage',
    });
  });
});

import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { rolesAreSplit, unsafeDeploymentProblems } from '../../../src/config/deployment.js';
import { ConfigError, loadConfig } from '../../../src/config/load.js';

const noFile = '/nonexistent/.env';
const KEY = Buffer.alloc(32, 7).toString('base64');
const SAFE_SPLIT = {
  ROLES: 'worker',
  REDIS_URL: 'redis://redis.internal:6379',
  STORE: 'firestore',
  FIRESTORE_PROJECT_ID: 'aif-prod',
  TOKEN_ENCRYPTION_KEYS: `k1:${KEY}`,
  MEDIA_LINK_KEY: KEY,
  MEDIA_STORE: 'gcs',
  GCS_BUCKET: 'aif-media',
};

/** The problems boot would print for these settings (an env as the process would see it). */
const problemsOf = (env: Record<string, string>) => unsafeDeploymentProblems(loadConfig(env, noFile));

describe('deployment rules', () => {
  it.each<[string, Record<string, string>, string[]]>([
    ['the embedded default', {}, []],
    ['all roles spelled out, any order', { ROLES: 'scheduler, api,worker' }, []],
    ['all roles on Firestore with Redis', { ...SAFE_SPLIT, ROLES: 'api,worker,scheduler' }, []],
    ['a worker with everything shared', SAFE_SPLIT, []],
    ['an api with everything shared', { ...SAFE_SPLIT, ROLES: 'api' }, []],
    ['api and scheduler together', { ...SAFE_SPLIT, ROLES: 'api,scheduler' }, []],
    [
      'Firestore without its project, one process',
      { STORE: 'firestore' },
      ['STORE=firestore needs FIRESTORE_PROJECT_ID'],
    ],
    [
      'split roles on the bare defaults',
      { ROLES: 'api' },
      [
        'ROLES=api needs REDIS_URL',
        'ROLES=api needs STORE=firestore',
        'ROLES=api needs TOKEN_ENCRYPTION_KEYS',
        'ROLES=api needs MEDIA_LINK_KEY',
        'ROLES=api needs MEDIA_STORE=gcs',
      ],
    ],
    ['split roles without Redis', { ...SAFE_SPLIT, REDIS_URL: '' }, ['ROLES=worker needs REDIS_URL']],
    ['split roles on SQLite', { ...SAFE_SPLIT, STORE: 'sqlite' }, ['ROLES=worker needs STORE=firestore']],
    [
      'split roles without shared vault keys',
      { ...SAFE_SPLIT, TOKEN_ENCRYPTION_KEYS: '' },
      ['ROLES=worker needs TOKEN_ENCRYPTION_KEYS'],
    ],
    [
      'split roles without a shared media-link key',
      { ...SAFE_SPLIT, MEDIA_LINK_KEY: '' },
      ['ROLES=worker needs MEDIA_LINK_KEY'],
    ],
    [
      'split roles with media on one machine',
      { ...SAFE_SPLIT, MEDIA_STORE: 'local', GCS_BUCKET: '' },
      ['ROLES=worker needs MEDIA_STORE=gcs'],
    ],
    [
      'split roles with media on a volume every process mounts',
      { ...SAFE_SPLIT, MEDIA_STORE: 'local', GCS_BUCKET: '', MEDIA_SHARED_VOLUME: 'true' },
      [],
    ],
    [
      'split roles on Firestore without its project',
      { ...SAFE_SPLIT, ROLES: 'scheduler', FIRESTORE_PROJECT_ID: '' },
      ['STORE=firestore needs FIRESTORE_PROJECT_ID'],
    ],
  ])('%s', (_case, env, expected) => {
    const problems = problemsOf(env);
    expect(problems).toHaveLength(expected.length);
    expected.forEach((start, i) => expect(problems[i]).toMatch(new RegExp(`^${escape(start)}`)));
  });

  it('explains why, not only what', () => {
    const [redis, sqlite] = problemsOf({ ROLES: 'worker' });
    expect(redis).toContain('no other process can take them');
    expect(sqlite).toContain('cannot be shared between machines');
  });

  it('reads ROLES as a set in a fixed order and refuses unknown roles', () => {
    expect(loadConfig({}, noFile).ROLES).toEqual(['api', 'worker', 'scheduler']);
    expect(loadConfig({ ROLES: 'scheduler,worker,worker' }, noFile).ROLES).toEqual(['worker', 'scheduler']);
    expect(() => loadConfig({ ROLES: 'api,cron' }, noFile)).toThrow(ConfigError);
    expect(() => loadConfig({ ROLES: ' , ' }, noFile)).toThrow(/ROLES/);
    expect(rolesAreSplit(['api', 'worker', 'scheduler'])).toBe(false);
    expect(rolesAreSplit(['api', 'worker'])).toBe(true);
  });

  it('refuses a media-link key that is not 32 bytes, and a malformed emulator host', () => {
    expect(() => loadConfig({ MEDIA_LINK_KEY: Buffer.alloc(16).toString('base64') }, noFile)).toThrow(
      /MEDIA_LINK_KEY: expected 32 bytes/,
    );
    expect(() => loadConfig({ FIRESTORE_EMULATOR_HOST: 'http://localhost:8080' }, noFile)).toThrow(
      /FIRESTORE_EMULATOR_HOST/,
    );
    expect(loadConfig({ FIRESTORE_EMULATOR_HOST: 'localhost:8686' }, noFile).FIRESTORE_EMULATOR_HOST).toBe(
      'localhost:8686',
    );
  });
});

describe('boot with an unsafe mix', () => {
  it('prints every problem and exits 1 before opening anything', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: { PATH: process.env.PATH, ROLES: 'worker', STORE: 'firestore', DATA_DIR: '/nonexistent/aif-data' },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Unsafe deployment settings:');
    for (const setting of ['FIRESTORE_PROJECT_ID', 'REDIS_URL', 'TOKEN_ENCRYPTION_KEYS', 'MEDIA_LINK_KEY'])
      expect(result.stderr).toContain(`needs ${setting}`);
    expect(result.stderr).not.toContain('needs STORE=firestore');
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

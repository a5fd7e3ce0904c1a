import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/load.js';
import { configTable } from '../../src/config/docs.js';
import { configSchema } from '../../src/config/schema.js';

const noFile = '/nonexistent/.env';

describe('configuration', () => {
  it('has the documented defaults', () => {
    const config = loadConfig({}, noFile);
    expect(config).toMatchObject({
      PORT: 8080,
      DATA_DIR: './data',
      PUBLIC_BASE_URL: 'http://localhost:8080',
      NODE_ENV: 'development',
      LOG_LEVEL: 'info',
    });
  });

  it('lists every problem at once', () => {
    try {
      loadConfig({ PORT: 'eighty', PUBLIC_BASE_URL: 'ftp://x', LOG_LEVEL: 'loud' }, noFile);
      expect.unreachable('invalid config was accepted');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems.join('\n');
      expect(problems).toContain('PORT');
      expect(problems).toContain('PUBLIC_BASE_URL');
      expect(problems).toContain('LOG_LEVEL');
    }
  });

  it('reads a .env file, with the environment taking precedence', () => {
    const dir = mkdtempSync(join(tmpdir(), 'aif-env-'));
    const file = join(dir, '.env');
    writeFileSync(file, 'PORT=9090\nLOG_LEVEL=debug\n');
    expect(loadConfig({ LOG_LEVEL: 'warn' }, file)).toMatchObject({ PORT: 9090, LOG_LEVEL: 'warn' });
  });

  it('documents every variable in the README', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    for (const name of Object.keys(configSchema.shape)) expect(readme, name).toContain(`\`${name}\``);
    expect(configTable()).toContain('| `PORT` | `8080` |');
  });

  it('makes the server exit non-zero listing the problems', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: { PATH: process.env.PATH, PORT: '-1', LOG_LEVEL: 'nope' },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('PORT');
    expect(result.stderr).toContain('LOG_LEVEL');
  });
});

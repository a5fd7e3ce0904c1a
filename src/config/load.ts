import { parse as parseDotenv } from 'dotenv';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { configSchema, type Config } from './schema.js';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Validates settings from the environment, with a `.env` file (if any) filling what the environment lacks. */
export function loadConfig(env: Record<string, string | undefined>, dotenvFile = resolve('.env')): Config {
  const fromFile = existsSync(dotenvFile) ? parseDotenv(readFileSync(dotenvFile)) : {};
  const merged = { ...fromFile, ...withoutEmpty(env) };
  const result = configSchema.safeParse(merged);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`));
  }
  return result.data;
}

/** Reads the process environment: the one place in the product that does. */
export function loadConfigFromProcess(): Config {
  return loadConfig(process.env);
}

// An empty variable means "not set", as in most deployment tools.
function withoutEmpty(env: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== ''),
  );
}

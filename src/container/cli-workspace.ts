import { join, resolve } from 'node:path';
import type { Config } from '../config/schema.js';

/** The workspace id the command line's stage cache is filed under (it has no users or members). */
export const CLI_WORKSPACE_ID = 'cli';

/**
 * Where the command line keeps its stage cache: its own SQLite file and media folder in DATA_DIR/cli, apart from
 * the server's database and media, so CLI runs never show up in (or clean up) the web app's workspaces.
 */
export function cliWorkspace(config: Config): { dir: string; database: string; mediaRoot: string } {
  const dir = resolve(config.DATA_DIR, 'cli');
  return { dir, database: join(dir, 'cli.sqlite'), mediaRoot: join(dir, 'media') };
}

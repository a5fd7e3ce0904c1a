import { existsSync, lstatSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config/schema.js';
import { UserError } from '../domain/errors.js';
import { CLI_WORKSPACE_ID, cliWorkspace, openCliStore } from '../container/cli.js';

// Runs in progress keep their half-made files here; they clean up after themselves.
const IN_PROGRESS = '.scratch';

/** `ai-factory cache clear`: forgets every cached stage of the command line and deletes its media files. */
export async function cacheCommand(
  config: Config,
  argv: string[],
  out: (line: string) => void,
): Promise<number> {
  const workspace = cliWorkspace(config);
  const usage = `Usage: ai-factory cache clear   (forgets the stages kept in ${workspace.dir} for later runs)`;
  if (argv.length === 1 && (argv[0] === '--help' || argv[0] === '-h')) {
    out(usage);
    return 0;
  }
  if (argv.length !== 1 || argv[0] !== 'clear') throw new UserError('validation', 'usage', usage);
  if (!existsSync(workspace.database)) {
    out(`Nothing to free: there is no cache in ${workspace.dir} yet.`);
    return 0;
  }
  const store = await openCliStore(config);
  let results: number;
  try {
    // Rows first: a run starting meanwhile then recomputes instead of trusting a file about to go.
    results = await store.stageCache.clear(CLI_WORKSPACE_ID);
  } finally {
    await store.close();
  }
  const freed = removeAllBut(workspace.mediaRoot, IN_PROGRESS);
  out(
    `Freed ${(freed.bytes / 1e6).toFixed(1)} MB in ${workspace.dir}: ${freed.files} media file(s) and ${results} cached stage result(s).`,
  );
  return 0;
}

/** Deletes everything in `dir` except the entry named `keep`; returns what it deleted. */
function removeAllBut(dir: string, keep: string): { files: number; bytes: number } {
  if (!existsSync(dir)) return { files: 0, bytes: 0 };
  const freed = { files: 0, bytes: 0 };
  for (const name of readdirSync(dir)) {
    if (name === keep) continue;
    const path = join(dir, name);
    const size = measure(path);
    rmSync(path, { recursive: true, force: true });
    freed.files += size.files;
    freed.bytes += size.bytes;
  }
  return freed;
}

function measure(path: string): { files: number; bytes: number } {
  const info = lstatSync(path);
  if (!info.isDirectory()) return { files: 1, bytes: info.size };
  return readdirSync(path)
    .map((name) => measure(join(path, name)))
    .reduce((sum, s) => ({ files: sum.files + s.files, bytes: sum.bytes + s.bytes }), { files: 0, bytes: 0 });
}

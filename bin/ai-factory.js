#!/usr/bin/env node
// The installed `ai-factory` command: runs the built CLI (npm run build makes it).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../dist/server/src/cli/main.js', import.meta.url));
if (!existsSync(cli)) {
  process.stderr.write(
    'ai-factory is not built yet: run `npm run build` first (or use `npm run cli -- …`).\n',
  );
  process.exit(1);
}
await import(cli);

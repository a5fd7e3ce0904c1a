import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');
const IMPORT =
  /(?:^|\n)\s*(?:import|export)\s[^'";]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
const nodeBuiltins = new Set(builtinModules);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(IMPORT)].map((match) => match[1] ?? match[2] ?? '');
}

/** Every project file the web app's bundle reaches, following relative imports from src/web. */
function reachedFromWeb(): Map<string, string[]> {
  const seen = new Map<string, string[]>();
  const queue = sourceFiles(join(root, 'src/web'));
  for (let file = queue.pop(); file; file = queue.pop()) {
    if (seen.has(file)) continue;
    const specifiers = importsOf(file);
    seen.set(file, specifiers);
    for (const specifier of specifiers.filter((s) => s.startsWith('.'))) {
      const target = resolve(dirname(file), specifier).replace(/\.js$/, '');
      const found = [`${target}.ts`, `${target}.tsx`].find((path) => existsSync(path));
      if (found) queue.push(found);
    }
  }
  return seen;
}

describe('the web app bundle', () => {
  const reached = reachedFromWeb();
  const rel = (file: string) => relative(root, file);

  it('follows the imports into the shared schemas and the domain', () => {
    const files = [...reached.keys()].map(rel);
    expect(files).toContain('src/api/version-outputs.ts');
    expect(files).toContain('src/domain/metadata/limits.ts');
  });

  it('reaches no Node module, so nothing server-only lands in the browser', () => {
    const nodeImports = [...reached].flatMap(([file, specifiers]) =>
      specifiers
        .filter((s) => s.startsWith('node:') || nodeBuiltins.has(s))
        .map((s) => `${rel(file)} → ${s}`),
    );
    expect(nodeImports).toEqual([]);
  });

  it('reaches only the web app, the shared API schemas and the pure domain', () => {
    const outside = [...reached.keys()].map(rel).filter((file) => !/^src\/(web|api|domain)\//.test(file));
    expect(outside).toEqual([]);
  });

  it('uses the shared API schemas, whose own imports are zod and the domain only', () => {
    const apiImports = sourceFiles(join(root, 'src/api')).flatMap((file) =>
      importsOf(file)
        .filter((s) => s !== 'zod' && !s.startsWith('./') && !s.startsWith('../domain/'))
        .map((s) => `${rel(file)} → ${s}`),
    );
    expect(apiImports).toEqual([]);
  });
});

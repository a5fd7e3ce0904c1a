import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/load.js';
import { CONTENT_SECURITY_POLICY } from '../../../src/http/security-headers.js';
import { allowedOrigins } from '../../fakes/egress-recorder.js';

/**
 * Absolute URLs in the product's code that are neither a default platform or AI provider host nor a link the
 * person follows themselves. Each says why it is harmless; an entry nothing uses any more fails the test.
 */
const ALLOWED_ELSEWHERE: Record<string, string> = {
  'http://localhost:8080': "PUBLIC_BASE_URL's default: the app's own address",
  'https://youtube.com':
    'the public link of a published Short, shown to the person; the app never requests it',
  'https://privacycenter.instagram.com':
    "a link on the public privacy policy to Instagram's own policy; the app never requests it",
  'http://www.w3.org':
    'the SVG namespace of the emoji pictures resvg draws in the process; an identifier, never requested',
  'https://policies.google.com':
    "a link on the public privacy policy to Google's own policy; the app never requests it",
};

const URL_IN_TEXT = /https?:\/\/[^\s'"`<>()\\]+/g;

interface Literal {
  file: string;
  line: number;
  origin: string;
}

function files(dir: string, keep: (name: string) => boolean): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && keep(e.name))
    .map((e) => join(e.parentPath, e.name));
}

/** Origins of the absolute URLs in a source's string and template literals and JSX text; comments are not code. */
function urlLiterals(file: string, text: string): Literal[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: Literal[] = [];
  const visit = (node: ts.Node): void => {
    if (
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node) ||
      ts.isJsxText(node)
    ) {
      for (const match of node.text.matchAll(URL_IN_TEXT)) {
        const { line } = source.getLineAndCharacterOfPosition(node.getStart());
        found.push({ file, line: line + 1, origin: new URL(match[0]).origin });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** The origins a product literal may name: the defaults of the platform and provider host settings. */
const defaultHosts = allowedOrigins(loadConfig({}, '/nonexistent/.env'));

const strays = (literals: Literal[]) =>
  literals.filter((l) => !defaultHosts.has(l.origin) && !(l.origin in ALLOWED_ELSEWHERE));

describe('absolute URLs in the product code', () => {
  const literals = files('src', (n) => /\.tsx?$/.test(n) && !/\.test\.tsx?$/.test(n)).flatMap((file) =>
    urlLiterals(relative('.', file), readFileSync(file, 'utf8')),
  );

  it('name only default platform or AI provider hosts, or a justified exception', () => {
    const list = strays(literals).map((l) => `${l.file}:${l.line} ${l.origin}`);
    expect(list, `URLs to hosts no setting names:\n${list.join('\n')}`).toEqual([]);
    // The scan found the settings' own defaults, so it reads the code it should.
    expect(literals.map((l) => l.origin)).toEqual(expect.arrayContaining([...defaultHosts]));
  });

  it('keeps no exception that nothing uses any more', () => {
    const used = new Set(literals.map((l) => l.origin));
    expect(Object.keys(ALLOWED_ELSEWHERE).filter((o) => !used.has(o))).toEqual([]);
  });

  it('would catch a new host in a literal, but not a link in a comment', () => {
    const planted = urlLiterals(
      'planted.ts',
      [
        '// Shapes from https://docs.example.org/api',
        "const pixel = 'https://tracker.example.net/p.gif';",
        'const beacon = `https://beacon.example.com/${id}`;',
        'const page = <p>See https://help.example.io today</p>;',
      ].join('\n'),
    );
    expect(strays(planted).map((l) => [l.line, l.origin])).toEqual([
      [2, 'https://tracker.example.net'],
      [3, 'https://beacon.example.com'],
      [4, 'https://help.example.io'],
    ]);
  });
});

describe('the built web app', () => {
  let out: string;
  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'aif-web-build-'));
    await build({
      configFile: 'vite.config.ts',
      logLevel: 'silent',
      build: { outDir: out, emptyOutDir: true },
    });
  }, 60_000);
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  const sameOrigin = (ref: string) => ref.startsWith('data:') || !/^([a-z][a-z0-9+.-]*:|\/\/)/i.test(ref);

  it('loads its scripts, styles, icons and fonts from its own origin only', () => {
    const html = readFileSync(join(out, 'index.html'), 'utf8');
    const refs = [...html.matchAll(/\s(?:src|href)="([^"]*)"/g)].map((m) => m[1] ?? '');
    expect(refs.some((r) => /\.js$/.test(r))).toBe(true);
    expect(refs.filter((r) => !sameOrigin(r))).toEqual([]);
    const css = files(out, (n) => n.endsWith('.css')).map((f) => readFileSync(f, 'utf8'));
    const urls = css.flatMap((c) => [...c.matchAll(/url\(\s*['"]?([^'")]*)/g)].map((m) => m[1] ?? ''));
    expect(urls.some((u) => u.endsWith('.woff2'))).toBe(true);
    expect(urls.filter((u) => !sameOrigin(u))).toEqual([]);
    expect(css.filter((c) => /@import/.test(c))).toEqual([]);
  });

  it('is served with a policy that lets the browser fetch from the app itself only', () => {
    const directives = CONTENT_SECURITY_POLICY.split(';').map((d) => d.trim().split(/\s+/));
    const fetching = [
      'default-src',
      'script-src',
      'style-src',
      'img-src',
      'media-src',
      'font-src',
      'connect-src',
    ];
    for (const name of fetching) {
      const sources = directives.find(([directive]) => directive === name)?.slice(1);
      expect(sources, name).toBeDefined();
      // Keywords and the page's own data: and blob: objects only: no host, no scheme that reaches the network.
      expect(
        sources?.filter((s) => !["'self'", "'none'", "'unsafe-inline'", 'data:', 'blob:'].includes(s)),
      ).toEqual([]);
    }
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// Docker is not run by the tests: these check the facts of the image the deploy guide relies on, from the text.
const DOCKERFILE = readFileSync('Dockerfile', 'utf8');
// Instructions, with continuation lines joined and comments dropped.
const INSTRUCTIONS = DOCKERFILE.replace(/\\\n/g, ' ')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line !== '' && !line.startsWith('#'));
const stages = () => {
  const result: { from: string; name: string; lines: string[] }[] = [];
  for (const line of INSTRUCTIONS) {
    const from = /^FROM\s+(\S+)(?:\s+AS\s+(\S+))?/i.exec(line);
    if (from) result.push({ from: from[1] ?? '', name: from[2] ?? '', lines: [] });
    else result[result.length - 1]?.lines.push(line);
  }
  return result;
};

describe('Dockerfile', () => {
  it('is multi-stage, every stage on Node 20 Debian bookworm', () => {
    const all = stages();
    expect(all.length).toBeGreaterThanOrEqual(2);
    for (const stage of all) expect(stage.from).toBe('node:20-bookworm-slim');
    expect(all.map((s) => s.name)).toContain('build');
  });

  it('builds with npm ci and npm run build, and the runtime gets production dependencies only', () => {
    const [build, ...rest] = stages();
    expect(build?.lines).toContain('RUN npm ci');
    expect(build?.lines).toContain('RUN npm run build');
    expect(rest.some((s) => s.lines.some((l) => /^RUN npm ci --omit=dev\b/.test(l)))).toBe(true);
    const runtime = rest[rest.length - 1];
    // No compilers and no dev dependencies where the app runs: node_modules comes from the production-only stage.
    expect(runtime?.lines.join('\n')).not.toMatch(/\bg\+\+|\bmake\b|npm ci\s*$/m);
    expect(runtime?.lines).toContain('COPY --from=deps /app/node_modules ./node_modules');
  });

  it('installs Debian ffmpeg in the runtime stage', () => {
    const runtime = stages().at(-1);
    expect(runtime?.lines.some((l) => /apt-get install\b.*\bffmpeg\b/.test(l))).toBe(true);
  });

  it('runs as a non-root user, on port 8080, the built server', () => {
    const runtime = stages().at(-1)?.lines ?? [];
    const user = runtime.filter((l) => l.startsWith('USER '));
    expect(user).toHaveLength(1);
    expect(user[0]).not.toMatch(/^USER\s+(root|0)(:|$)/);
    expect(runtime.findIndex((l) => l.startsWith('USER '))).toBeLessThan(
      runtime.findIndex((l) => l.startsWith('CMD ')),
    );
    expect(runtime).toContain('EXPOSE 8080');
    expect(runtime).toContain('CMD ["node", "dist/server/src/main.js"]');
    // The path the CMD runs is the one `npm start` runs after the same build.
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.start).toContain('node dist/server/src/main.js');
    expect(runtime.some((l) => l.startsWith('HEALTHCHECK') && l.includes('/healthz'))).toBe(true);
  });

  it('bakes no secret into the image', () => {
    const settings = INSTRUCTIONS.filter((l) => /^(ENV|ARG)\s/.test(l)).join(' ');
    expect(settings).not.toMatch(/TOKEN|SECRET|KEY|PASSWORD|CREDENTIAL|SMTP_URL|REDIS_URL/i);
    const ignored = readFileSync('.dockerignore', 'utf8').split('\n');
    for (const entry of ['.env', 'node_modules', 'data', '.git']) expect(ignored).toContain(entry);
  });
});

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPERATIONS } from '../../../src/http/openapi/operations.js';
import { startTestApp, type TestApp } from '../../fakes/test-app.js';

interface Operation {
  summary?: string;
  tags?: string[];
  responses?: Record<
    string,
    { description?: string; content?: Record<string, { schema?: { properties?: object } }> }
  >;
}
type Document = { paths: Record<string, Record<string, Operation>> };

/** Every source file under a folder, recursively. */
function sourcesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourcesUnder(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('the OpenAPI reference', () => {
  let t: TestApp;
  let operations: [string, Operation][];
  beforeAll(async () => {
    t = await startTestApp();
    const doc = (await t.app.inject('/api/openapi.json')).json<Document>();
    operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]): [string, Operation] => [
        `${method.toUpperCase()} ${path}`,
        op,
      ]),
    );
  });
  afterAll(async () => t.close());

  it('gives every /api operation a summary, tags and its error responses with their codes', () => {
    expect(operations.length).toBeGreaterThan(30);
    for (const [key, op] of operations) {
      expect(op.summary, `${key} summary`).toMatch(/\w{3}/);
      expect(op.tags?.length, `${key} tags`).toBeGreaterThan(0);
      const errors = Object.entries(op.responses ?? {}).filter(([status]) => /^4\d\d$/.test(status));
      expect(errors.length, `${key} has no 4xx response`).toBeGreaterThan(0);
      for (const [status, response] of errors) {
        expect(response.description, `${key} ${status}`).toMatch(/^Error codes: `[a-z_]+`/);
        const schema = response.content?.['application/json']?.schema;
        expect(schema?.properties, `${key} ${status} uses the error body`).toHaveProperty('error');
      }
    }
  });

  it('names only operations that exist', () => {
    const documented = new Set(operations.map(([key]) => key));
    const stale = Object.keys(OPERATIONS).filter((key) => !documented.has(key));
    expect(stale).toEqual([]);
  });

  it('lists only error codes that the code raises', () => {
    const source = sourcesUnder('src')
      .filter((path) => !path.includes('openapi'))
      .map((path) => readFileSync(path, 'utf8'))
      .join('\n');
    const codes = new Set(
      Object.values(OPERATIONS).flatMap((op) => Object.values(op.errors).flatMap((list) => list)),
    );
    const unknown = [...codes].filter((code) => {
      const notFoundOf = /^(.+)_not_found$/.exec(code)?.[1];
      const raised = source.includes(`'${code}'`);
      return !raised && !(notFoundOf && source.includes(`notFound('${notFoundOf}')`));
    });
    expect(unknown).toEqual([]);
  });
});

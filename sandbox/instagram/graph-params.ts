import type { FastifyRequest } from 'fastify';
import { GraphFailure, graphErrors } from './errors.js';

/** Graph parameters, from the query string and a form or JSON body alike (the body wins), as strings. */
export type GraphParams = Map<string, string>;

function asParam(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.every((v) => typeof v === 'string') && value.length === 1)
    return value[0];
  return JSON.stringify(value);
}

/** Collects the parameters of a Graph call. */
export function graphParams(request: FastifyRequest): GraphParams {
  const params: GraphParams = new Map();
  const sources = [request.query, request.body];
  for (const source of sources) {
    if (typeof source !== 'object' || source === null || Array.isArray(source)) continue;
    for (const [key, raw] of Object.entries(source as Record<string, unknown>)) {
      const value = asParam(raw);
      if (value !== undefined) params.set(key, value);
    }
  }
  return params;
}

/** Splits `fields=a,b{c,d},e` into top-level names (nested selections are accepted and ignored). */
export function splitFields(raw: string): string[] {
  const names: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of raw) {
    if (char === '{') depth += 1;
    if (char === '}') depth = Math.max(0, depth - 1);
    if (char === ',' && depth === 0) {
      names.push(current);
      current = '';
    } else if (depth === 0 && char !== '}') {
      current += char;
    }
  }
  names.push(current);
  return [...new Set(names.map((n) => n.trim()).filter((n) => n.length > 0))];
}

/** The requested fields of a node, checked against the ones it has; `fallback` when none are asked. */
export function requestedFields(
  params: GraphParams,
  known: readonly string[],
  nodeType: string,
  fallback: readonly string[] = ['id'],
): string[] {
  const raw = params.get('fields');
  if (raw === undefined || raw.trim() === '') return [...fallback];
  const fields = splitFields(raw);
  const unknown = fields.find((f) => !known.includes(f));
  if (unknown !== undefined) throw new GraphFailure(graphErrors.nonexistingField(unknown, nodeType));
  return fields;
}

/** Picks the requested fields from a full rendering, keeping the request order (`id` always kept). */
export function pick(full: Record<string, unknown>, fields: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of fields) if (full[field] !== undefined) out[field] = full[field];
  if (full.id !== undefined) out.id = full.id;
  return out;
}

/** Graph's timestamp format, e.g. 2024-05-01T12:00:00+0000. */
export function graphTimestamp(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+0000');
}

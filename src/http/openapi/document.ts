import type { SwaggerTransform } from '@fastify/swagger';
import type { FastifySchema } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { errorBody } from '../../api/common.js';
import { OPERATIONS, type OperationDoc } from './operations.js';

/** "METHOD /api/path" as the OpenAPI document writes it, path parameters in braces. */
export function operationKey(method: string, url: string): string {
  return `${method.toUpperCase()} ${url.replace(/:([A-Za-z0-9_]+)/g, '{$1}')}`;
}

/** The one error body, described by the codes a client can get with that status. */
function errorResponse(codes: string[]) {
  return errorBody.describe(`Error codes: ${codes.map((code) => `\`${code}\``).join(', ')}`);
}

/**
 * The route's schema completed from the operations table: summary and tags where the route has none, and each
 * error status with the error body and its codes (a route's own response schema for that status, if it is not the
 * shared error body, is kept). Only the document changes: the schemas requests are checked with stay the route's.
 */
function withOperationDoc(schema: FastifySchema, doc: OperationDoc): FastifySchema {
  const declared = (schema.response ?? {}) as Record<string, unknown>;
  const errors = Object.fromEntries(
    Object.entries(doc.errors).map(([status, codes]) => {
      const own = declared[status];
      return [status, own === undefined || own === errorBody ? errorResponse(codes) : own];
    }),
  );
  return {
    ...schema,
    summary: schema.summary ?? doc.summary,
    tags: schema.tags ?? doc.tags,
    response: { ...declared, ...errors },
  };
}

/** The OpenAPI transform: /api operations documented from their schemas and the table, everything else hidden. */
export const documentOperation: SwaggerTransform = (input) => {
  if (!input.url.startsWith('/api/')) return { schema: { ...input.schema, hide: true }, url: input.url };
  const method = [input.route.method].flat()[0] ?? '';
  const doc = OPERATIONS[operationKey(method, input.url)];
  return jsonSchemaTransform({ ...input, schema: doc ? withOperationDoc(input.schema, doc) : input.schema });
};

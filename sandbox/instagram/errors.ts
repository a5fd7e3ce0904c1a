import type { FastifyReply } from 'fastify';
import { fbtraceId } from './ids.js';

/** A Graph API error before rendering (PLATFORMS.md §2.3). */
export interface GraphError {
  status: number;
  code: number;
  message: string;
  type?: 'OAuthException' | 'GraphMethodException' | 'IGApiException';
  subcode?: number;
  isTransient?: boolean;
  userTitle?: string;
  userMsg?: string;
}

/** Thrown by route helpers; the Graph mount's error handler renders it. */
export class GraphFailure extends Error {
  constructor(readonly error: GraphError) {
    super(error.message);
  }
}

/** The §2.3 envelope: `{"error":{message,type,code,error_subcode,is_transient,…,fbtrace_id}}`. */
export function graphErrorBody(error: GraphError): { error: Record<string, unknown> } {
  const body: Record<string, unknown> = {
    message: error.message,
    type: error.type ?? 'OAuthException',
    code: error.code,
  };
  if (error.subcode !== undefined) body.error_subcode = error.subcode;
  if (error.isTransient !== undefined) body.is_transient = error.isTransient;
  if (error.userTitle !== undefined) body.error_user_title = error.userTitle;
  if (error.userMsg !== undefined) body.error_user_msg = error.userMsg;
  body.fbtrace_id = fbtraceId();
  return { error: body };
}

/** Sends a Graph error on a reply. */
export async function sendGraphError(reply: FastifyReply, error: GraphError): Promise<FastifyReply> {
  return reply.code(error.status).send(graphErrorBody(error));
}

/** api.instagram.com still answers OAuth errors in the legacy flat shape. */
export function legacyOAuthError(message: string, code = 400): Record<string, unknown> {
  return { error_type: 'OAuthException', code, error_message: message };
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The page www.instagram.com shows instead of redirecting to an unregistered or invalid target. */
export function authorizeErrorPage(message: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Instagram</title></head>
<body><main><h1>Sorry, this page isn't available.</h1><p>${escapeHtml(message)}</p>
<p><small>Local sandbox, not the real Instagram.</small></p></main></body></html>`;
}

/** The errors the Graph mount answers, worded as the real API words them (wording marked unsure in README). */
export const graphErrors = {
  invalidToken: (): GraphError => ({
    status: 400,
    code: 190,
    message: 'Invalid OAuth access token - Cannot parse access token',
  }),
  missingToken: (): GraphError => ({
    status: 400,
    code: 2500,
    message: 'An active access token must be used to query information about the current user.',
  }),
  expiredToken: (expiredAt: string, now: string): GraphError => ({
    status: 400,
    code: 190,
    subcode: 463,
    message: `Error validating access token: Session has expired on ${expiredAt}. The current time is ${now}.`,
  }),
  deauthorized: (appId: string): GraphError => ({
    status: 400,
    code: 190,
    subcode: 458,
    message: `Error validating access token: The user has not authorized application ${appId}.`,
  }),
  noPermission: (): GraphError => ({
    status: 403,
    code: 10,
    message: '(#10) Application does not have permission for this action',
  }),
  unknownObject: (method: string, id: string): GraphError => ({
    status: 400,
    code: 100,
    subcode: 33,
    type: 'GraphMethodException',
    message:
      `Unsupported ${method.toLowerCase()} request. Object with ID '${id}' does not exist, cannot be loaded due to ` +
      'missing permissions, or does not support this operation. Please read the Graph API documentation at ' +
      'https://developers.facebook.com/docs/graph-api',
  }),
  unknownPath: (path: string): GraphError => ({
    status: 400,
    code: 2500,
    message: `Unknown path components: ${path}`,
  }),
  unsupportedMethod: (method: string): GraphError => ({
    status: 400,
    code: 100,
    type: 'GraphMethodException',
    message: `Unsupported request - method type: ${method.toLowerCase()}`,
  }),
  missingParam: (name: string): GraphError => ({
    status: 400,
    code: 100,
    message: `(#100) The parameter ${name} is required`,
  }),
  invalidParam: (message: string, subcode?: number): GraphError => ({
    status: 400,
    code: 100,
    message: `(#100) ${message}`,
    ...(subcode === undefined ? {} : { subcode, isTransient: false }),
  }),
  nonexistingField: (field: string, nodeType: string): GraphError => ({
    status: 400,
    code: 100,
    message: `(#100) Tried accessing nonexisting field (${field}) on node type (${nodeType})`,
  }),
  unknownError: (): GraphError => ({
    status: 500,
    code: 1,
    message: 'An unknown error has occurred.',
    isTransient: true,
  }),
};

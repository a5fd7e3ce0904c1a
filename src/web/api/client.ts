import type { z } from 'zod';
import { errorBody } from '../../api/common.js';
import { ApiError, asApiError } from './apiError.js';

export { ApiError, asApiError };

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

const unauthenticatedListeners = new Set<() => void>();

/** Lets the session drop to "signed out" when any call finds the session gone. */
export function onUnauthenticated(listener: () => void): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function toApiError(status: number, body: unknown): ApiError {
  const parsed = errorBody.safeParse(body);
  if (parsed.success) {
    const { code, message, details } = parsed.data.error;
    return new ApiError(status, code, message, details);
  }
  return new ApiError(status, `http_${status}`, `The server answered with an unexpected error (${status}).`);
}

function networkError(): ApiError {
  return new ApiError(0, 'network_error', 'Could not reach AI Factory. Check your connection and try again.');
}

/** The error for a failed response; a lost session also signs the page out. */
function failure(status: number, payload: unknown): ApiError {
  const error = toApiError(status, payload);
  if (error.code === 'unauthenticated') unauthenticatedListeners.forEach((listener) => listener());
  return error;
}

async function call(
  method: Method,
  path: string,
  body: unknown,
  signal?: AbortSignal,
  extraHeaders: Record<string, string> = {},
): Promise<unknown> {
  // The API wants a JSON body on every state-changing request, even an empty one.
  const sendsBody = method !== 'GET';
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: sendsBody
        ? { ...extraHeaders, Accept: 'application/json', 'Content-Type': 'application/json' }
        : { ...extraHeaders, Accept: 'application/json' },
      body: sendsBody ? JSON.stringify(body ?? {}) : undefined,
      signal,
    });
  } catch (cause) {
    if (signal?.aborted) throw cause;
    throw networkError();
  }
  const payload = parseJson(await response.text());
  if (!response.ok) throw failure(response.status, payload);
  return payload;
}

function parse<T>(schema: z.ZodType<T>, payload: unknown): T {
  const parsed = schema.safeParse(payload);
  if (!parsed.success) {
    throw new ApiError(0, 'unexpected_response', 'The server sent an answer this page does not understand.');
  }
  return parsed.data;
}

export async function apiGet<T>(path: string, schema: z.ZodType<T>, signal?: AbortSignal): Promise<T> {
  return parse(schema, await call('GET', path, undefined, signal));
}

/** Sends a change; `headers` adds request headers such as an Idempotency-Key. */
export async function apiSend<T>(
  method: Exclude<Method, 'GET'>,
  path: string,
  body: unknown,
  schema: z.ZodType<T>,
  headers?: Record<string, string>,
) {
  return parse(schema, await call(method, path, body, undefined, headers));
}

/** For endpoints that answer 202/204 with nothing we need to read. */
export async function apiSendNoContent(method: Exclude<Method, 'GET'>, path: string, body: unknown = {}) {
  await call(method, path, body);
}

/**
 * Posts a multipart form with XMLHttpRequest, the one browser API that reports upload progress.
 * `onProgress` gets the share sent so far (0..1).
 */
export async function apiUpload<T>(
  path: string,
  form: FormData,
  schema: z.ZodType<T>,
  onProgress: (sent: number) => void,
): Promise<T> {
  const { status, text } = await new Promise<{ status: number; text: string }>((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', path);
    request.setRequestHeader('Accept', 'application/json');
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.onerror = () => reject(networkError());
    request.onload = () => resolve({ status: request.status, text: request.responseText });
    request.send(form);
  });
  const payload = parseJson(text);
  if (status < 200 || status >= 300) throw failure(status, payload);
  return parse(schema, payload);
}

// A few codes get wording tuned for the screen; everything else shows the server's own message.
const friendlyMessages: Record<string, string> = {
  invalid_credentials: 'Email or password is incorrect.',
  last_owner: 'A workspace needs at least one owner. Make someone else an owner first.',
};

export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return friendlyMessages[error.code] ?? error.message;
  return 'Something went wrong. Please try again.';
}

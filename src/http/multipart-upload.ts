import type { FastifyRequest } from 'fastify';
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { UserError } from '../domain/errors.js';

/** A multipart upload as read: its text fields and the name of the file written to the temporary path. */
export interface ReceivedUpload {
  fields: Record<string, string>;
  /** Null when the request carried no file. */
  filename: string | null;
}

/**
 * Reads a multipart request in any order of parts: text fields, and the first file streamed to `tempPath`
 * (further files are drained). A file past `maxUploadBytes` (the multipart limit cuts it one byte over) is refused.
 */
export async function receiveUpload(
  request: FastifyRequest,
  tempPath: string,
  maxUploadBytes: number,
): Promise<ReceivedUpload> {
  try {
    return await readParts(request, tempPath, maxUploadBytes);
  } catch (error) {
    // Disk errors (they name a syscall) are ours; anything else the parser throws is a malformed body.
    if (error instanceof UserError || (error instanceof Error && 'syscall' in error)) throw error;
    throw new UserError(
      'validation',
      'upload_malformed',
      'The upload is not a complete multipart/form-data body; send the file as a form field',
    );
  }
}

async function readParts(
  request: FastifyRequest,
  tempPath: string,
  maxUploadBytes: number,
): Promise<ReceivedUpload> {
  const fields: Record<string, string> = {};
  let filename: string | null = null;
  for await (const part of request.parts()) {
    if (part.type === 'field') {
      fields[part.fieldname] = String(part.value);
    } else if (filename === null) {
      filename = part.filename;
      await pipeline(part.file, createWriteStream(tempPath));
      if (part.file.truncated) {
        throw new UserError(
          'validation',
          'upload_too_large',
          `Files up to ${Math.round(maxUploadBytes / 1048576)} MB can be uploaded`,
        );
      }
    } else {
      part.file.resume();
    }
  }
  return { fields, filename };
}

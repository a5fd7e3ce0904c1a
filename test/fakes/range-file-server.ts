import { createReadStream, statSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RangeFileServer {
  /** The URL of a served path, e.g. url('/v/clip.mp4?sig=abc'). */
  url(path: string): string;
  /** Every request received: method, path with query, headers. */
  requests: { method: string; path: string; headers: IncomingHttpHeaders }[];
  close(): Promise<void>;
}

/**
 * Serves files from disk the way a public video link does: GET and HEAD, `Accept-Ranges: bytes`, single
 * `Range: bytes=a-b` requests answered 206 with `Content-Range` (416 when out of range), `video/mp4`, streamed.
 * `files` maps a path (query ignored) to a file on disk.
 */
export async function startRangeFileServer(files: Record<string, string>): Promise<RangeFileServer> {
  const requests: RangeFileServer['requests'] = [];
  const server = createServer((request, response) => {
    const path = request.url ?? '/';
    requests.push({ method: request.method ?? '', path, headers: request.headers });
    const file = files[path.split('?')[0] ?? ''];
    if (!file || (request.method !== 'GET' && request.method !== 'HEAD')) {
      response.writeHead(file ? 405 : 404).end();
      return;
    }
    const size = statSync(file).size;
    const headers = { 'content-type': 'video/mp4', 'accept-ranges': 'bytes' };
    const range = /^bytes=(\d*)-(\d*)$/.exec(request.headers.range ?? '');
    let start = 0;
    let end = size - 1;
    if (range) {
      start = range[1] ? Number(range[1]) : Math.max(0, size - Number(range[2]));
      end = range[1] && range[2] ? Math.min(Number(range[2]), size - 1) : size - 1;
      if (start > end || start >= size) {
        response.writeHead(416, { 'content-range': `bytes */${size}` }).end();
        return;
      }
      response.writeHead(206, {
        ...headers,
        'content-range': `bytes ${start}-${end}/${size}`,
        'content-length': end - start + 1,
      });
    } else {
      response.writeHead(200, { ...headers, 'content-length': size });
    }
    if (request.method === 'HEAD') response.end();
    else createReadStream(file, { start, end }).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

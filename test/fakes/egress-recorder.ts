import diagnostics from 'node:diagnostics_channel';
import type { ClientRequest } from 'node:http';
import net from 'node:net';
import type { Config } from '../../src/config/schema.js';

/** One outgoing request or connection this process made, as the layer that saw it describes it. */
export interface Egress {
  /** fetch (undici), node:http(s), or a raw TCP/TLS socket (which every other kind also opens). */
  via: 'fetch' | 'http' | 'socket';
  /** Where it went: an origin (`http://127.0.0.1:4000`) for requests, `host:port` (or `unix:path`) for sockets. */
  to: string;
  /** The path, for requests, to name them in a failure message. */
  path?: string;
}

interface UndiciRequest {
  origin: string;
  path: string;
}

type Connect = (this: net.Socket, ...args: unknown[]) => net.Socket;

const DEFAULT_PORTS: Record<string, string> = { 'http:': '80', 'https:': '443' };

/** `host:port` of a URL, the port filled in, the way a socket-level record names it. */
export function endpointOf(url: string): string {
  const u = new URL(url);
  return `${u.hostname}:${u.port || DEFAULT_PORTS[u.protocol] || ''}`;
}

function socketTarget(args: unknown[]): string {
  // net.connect() hands Socket#connect its normalized [options, callback] array; direct callers pass
  // (options), (port, host) or (path).
  const first = Array.isArray(args[0]) ? (args[0] as unknown[])[0] : args[0];
  if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) {
    return `${typeof args[1] === 'string' ? args[1] : 'localhost'}:${first}`;
  }
  if (typeof first === 'string') return `unix:${first}`;
  const options = (first ?? {}) as { host?: string; port?: number | string; path?: string };
  if (options.path) return `unix:${options.path}`;
  return `${options.host ?? 'localhost'}:${String(options.port ?? '')}`;
}

/**
 * Records every outgoing request and connection of this process from the moment it starts: fetch through undici's
 * diagnostics channel, node:http(s) through Node's, and raw sockets by wrapping `net.Socket#connect` (the channel
 * Node 20 has for sockets fires before the address is known). Everything the process opens passes the socket
 * layer, so a client that bypasses both request channels is still seen.
 */
export class EgressRecorder {
  readonly seen: Egress[] = [];
  // Kept as a plain function: it is only ever applied to a socket again.
  private readonly originalConnect = Reflect.get(net.Socket.prototype, 'connect') as Connect;
  private readonly onFetch = (message: unknown): void => {
    const { request } = message as { request: UndiciRequest };
    this.seen.push({ via: 'fetch', to: new URL(request.origin).origin, path: request.path });
  };
  private readonly onHttp = (message: unknown): void => {
    const { request } = message as { request: ClientRequest };
    const origin = `${request.protocol}//${String(request.getHeader('host') ?? request.host)}`;
    this.seen.push({ via: 'http', to: new URL(origin).origin, path: request.path });
  };

  start(): this {
    diagnostics.subscribe('undici:request:create', this.onFetch);
    diagnostics.subscribe('http.client.request.start', this.onHttp);
    const seen = this.seen;
    const original = this.originalConnect;
    const recording: Connect = function (this: net.Socket, ...args: unknown[]) {
      seen.push({ via: 'socket', to: socketTarget(args) });
      return original.apply(this, args);
    };
    Reflect.set(net.Socket.prototype, 'connect', recording);
    return this;
  }

  stop(): void {
    diagnostics.unsubscribe('undici:request:create', this.onFetch);
    diagnostics.unsubscribe('http.client.request.start', this.onHttp);
    Reflect.set(net.Socket.prototype, 'connect', this.originalConnect);
  }

  /** Every record whose destination is not one of `allowedOrigins` (compared by origin, or by host:port). */
  foreign(allowedOrigins: Iterable<string>): Egress[] {
    const origins = new Set([...allowedOrigins].map((o) => new URL(o).origin));
    const endpoints = new Set([...origins].map(endpointOf));
    return this.seen.filter((e) => (e.via === 'socket' ? !endpoints.has(e.to) : !origins.has(e.to)));
  }
}

/**
 * The settings that name a host the product calls: every `*_BASE_URL` of the configuration (the platforms' and the
 * AI providers'), except the app's own address. Read from the config itself, so a new provider setting is covered
 * the day it is added.
 */
export function outboundSettingNames(config: Config): string[] {
  return Object.keys(config)
    .filter((name) => name.endsWith('_BASE_URL') && name !== 'PUBLIC_BASE_URL')
    .sort();
}

/** The origins the product may reach under `config`: those of its platform and AI provider base URLs. */
export function allowedOrigins(config: Config): Set<string> {
  const values = config as unknown as Record<string, string>;
  return new Set(outboundSettingNames(config).map((name) => new URL(values[name] ?? '').origin));
}

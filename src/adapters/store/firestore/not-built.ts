// SKELETON ONLY: deleted once every repository is built.
import type { FsContext } from './context.js';

export function notBuilt<T>(name: string, _ctx: FsContext): T {
  return new Proxy(
    {},
    { get: (_t, method) => () => Promise.reject(new Error(`${name}.${String(method)} not built`)) },
  ) as T;
}

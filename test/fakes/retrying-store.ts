import type { Store } from '../../src/ports/store.js';

/** Methods that only read. */
const READ = /^(find|list|get|count|load)/;
/** Methods that read a record, then write it: a document store reads them inside the transaction too. */
const READ_THEN_WRITE = new Set([
  'consume',
  'markAccepted',
  'acquireRefreshLease',
  'replaceSealed',
  'remember',
]);

class LostRace extends Error {}

/**
 * A store whose transactions behave as a document store's may: each `work` runs once and is thrown away as if it
 * lost a race (after `beforeRetry`, the competing writer), then runs again for real; and a read after a write in
 * the same transaction throws, as Firestore refuses it. What the port promises retryable work survives this.
 */
export function retryingStore(inner: Store, beforeRetry: () => Promise<void> = async () => undefined): Store {
  const strict = (tx: Store): Store => {
    let lastWrite: string | null = null;
    const view = Object.fromEntries(
      Object.entries(tx).map(([name, value]) => {
        if (typeof value !== 'object' || value === null) return [name, value];
        const repository = value as Record<string, unknown>;
        const wrapped = Object.fromEntries(
          Object.entries(repository).map(([method, fn]) => [
            method,
            (...args: unknown[]) => {
              const reads = READ.test(method) || READ_THEN_WRITE.has(method);
              if (reads && lastWrite)
                throw new Error(`read after write in a transaction: ${name}.${method} after ${lastWrite}`);
              if (!READ.test(method)) lastWrite = `${name}.${method}`;
              return (fn as (...a: unknown[]) => unknown)(...args);
            },
          ]),
        );
        return [name, wrapped];
      }),
    ) as unknown as Store;
    return { ...view, transaction: (work) => work(view) };
  };
  return {
    ...inner,
    transaction: async (work) => {
      await inner
        .transaction(async (tx) => {
          await work(strict(tx));
          throw new LostRace();
        })
        .catch((error: unknown) => {
          if (!(error instanceof LostRace)) throw error;
        });
      await beforeRetry();
      return inner.transaction((tx) => work(strict(tx)));
    },
    ping: () => inner.ping(),
    close: () => inner.close(),
  };
}

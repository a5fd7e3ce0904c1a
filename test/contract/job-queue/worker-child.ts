/**
 * A worker in its own process, for the tests that kill one: it runs the test handlers on the engine named in
 * argv and prints "started <label> <attempt>" when a blocking job starts, so the parent knows when to kill it.
 * argv: engine (one of ENGINE_KINDS), target (SQLite file | emulator host:port/projectId | Redis URL), node or
 * prefix, lease ms.
 */
import { ENGINE_KINDS, openEngine, type EngineKind } from './engines.js';
import { testHandlers } from './test-jobs.js';

const [kind, target, scope, leaseMs] = process.argv.slice(2);
if (!ENGINE_KINDS.includes(kind as EngineKind) || !target || !scope || !leaseMs)
  throw new Error(`usage: worker-child <${ENGINE_KINDS.join('|')}> <target> <scope> <leaseMs>`);
const { engine } = await openEngine(kind as EngineKind, target, scope, {
  concurrency: { render: 1, io: 1 },
  leaseMs: Number(leaseMs),
});
await engine.start(
  testHandlers([], (label, attempt) => process.stdout.write(`started ${label} ${attempt}\n`)),
);
process.stdout.write('ready\n');

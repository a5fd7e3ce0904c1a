import type { Script } from '../../../../domain/content.js';

/** What a composer writes; the writer adds the language and its id. */
export type ScriptBody = Pick<Script, 'hook' | 'beats' | 'callToAction'>;

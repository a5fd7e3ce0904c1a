import type { Brief, Script } from '../../../domain/content.js';
import { UserError } from '../../../domain/errors.js';
import { checkDraft, type DraftCheck } from './script-draft.js';

/** What one model call produced: a parsed answer, or why there is none ("not valid JSON"). */
export type ModelAnswer = { ok: true; value: unknown } | { ok: false; error: string };

/** One call to a model, with whatever the provider needs to continue the conversation for a repair. */
export interface ModelAttempt {
  answer: ModelAnswer;
}

/**
 * Asks once; when the answer is not valid JSON or not a usable script, sends the errors back for exactly one
 * corrected answer; then gives up with UserError('validation', 'script_invalid').
 */
export async function writeWithOneRepair<A extends ModelAttempt>(
  brief: Brief,
  writer: string,
  ask: () => Promise<A>,
  repair: (previous: A, errors: string[]) => Promise<A>,
): Promise<Script> {
  const first = await ask();
  const firstCheck = check(first, brief, writer);
  if (firstCheck.ok) return firstCheck.script;
  const second = await repair(first, firstCheck.errors);
  const secondCheck = check(second, brief, writer);
  if (secondCheck.ok) return secondCheck.script;
  throw new UserError(
    'validation',
    'script_invalid',
    `The AI writer (${writer}) did not produce a usable script, even after one correction: ` +
      secondCheck.errors.slice(0, 3).join(' '),
    { errors: secondCheck.errors },
  );
}

function check(attempt: ModelAttempt, brief: Brief, writer: string): DraftCheck {
  return attempt.answer.ok
    ? checkDraft(attempt.answer.value, brief, writer)
    : { ok: false, errors: [attempt.answer.error] };
}

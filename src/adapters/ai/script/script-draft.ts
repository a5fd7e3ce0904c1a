import { z } from 'zod';
import type { Brief, Script } from '../../../domain/content.js';
import { MAX_BEATS, MIN_BEATS, scriptProblems } from '../../../domain/script-rules.js';

/**
 * What a model must answer: the script without the fields the writer sets itself (language, writer). The
 * schema stays within what strict structured outputs accept (every property required, no extra properties,
 * array bounds only); emptiness and length are checked after parsing, by the domain's script rules.
 */
export const scriptDraftSchema = z
  .object({
    hook: z.string().describe('One spoken sentence that makes the viewer stop scrolling'),
    beats: z
      .array(
        z
          .object({
            text: z.string().describe('What the voice says in this beat: one to three short sentences'),
            visualCue: z
              .string()
              .describe(
                'A concrete, filmable picture for this beat in a few words, e.g. "close-up of a coffee cup"',
              ),
          })
          .strict(),
      )
      .min(MIN_BEATS)
      .max(MAX_BEATS)
      .describe(`${MIN_BEATS} to ${MAX_BEATS} beats, in the order they are said`),
    callToAction: z
      .string()
      .describe('One closing spoken sentence asking the viewer to act (follow, save, comment)'),
  })
  .strict();

export type ScriptDraft = z.infer<typeof scriptDraftSchema>;

/** The draft schema as JSON Schema, for `response_format.json_schema.schema` and tool `input_schema`. */
export function scriptDraftJsonSchema(): Record<string, unknown> {
  const { $schema: _dialect, ...schema } = z.toJSONSchema(scriptDraftSchema) as Record<string, unknown>;
  return schema;
}

export type DraftCheck = { ok: true; script: Script } | { ok: false; errors: string[] };

/**
 * Validates a model's answer: the schema first, then the script rules (3–7 beats, nothing empty, within what
 * 90 s can say). The errors are plain sentences, ready to be sent back to the model for one repair.
 */
export function checkDraft(answer: unknown, brief: Brief, writer: string): DraftCheck {
  const parsed = scriptDraftSchema.safeParse(answer);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((issue) => `${issue.path.join('.') || 'answer'}: ${issue.message}`),
    };
  }
  const script: Script = {
    language: brief.language,
    hook: parsed.data.hook.trim(),
    beats: parsed.data.beats.map((beat) => ({ text: beat.text.trim(), visualCue: beat.visualCue.trim() })),
    callToAction: parsed.data.callToAction.trim(),
    writer,
  };
  const problems = scriptProblems(script);
  return problems.length
    ? { ok: false, errors: problems.map((problem) => problem.message) }
    : { ok: true, script };
}

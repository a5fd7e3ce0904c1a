import { z } from 'zod';
import type { Brief, Script } from '../../../domain/content.js';
import { TransientError, UserError } from '../../../domain/errors.js';
import type { ScriptLength, ScriptWriter } from '../../../ports/script-writer.js';
import { aiFetch, aiUrl, errorDetail, jsonBody, throwForStatus } from '../http.js';
import { repairPrompt, systemPrompt, userPrompt } from './prompt.js';
import { writeWithOneRepair, type ModelAttempt } from './repair-loop.js';
import { scriptDraftJsonSchema } from './script-draft.js';

export interface OpenAICompatibleSettings {
  /** e.g. https://api.openai.com/v1, http://localhost:11434/v1 (Ollama), https://openrouter.ai/api/v1. */
  baseUrl: string;
  /** Sent as a Bearer token; local servers such as Ollama or vLLM may need none. */
  apiKey?: string;
  model: string;
  timeoutMs?: number;
}

type ChatMessage = { role: 'system' | 'user' | 'assistant'; content: string };

interface ChatAttempt extends ModelAttempt {
  messages: ChatMessage[];
  /** The model's raw reply, sent back with the repair request. */
  reply: string;
}

const PROVIDER = 'The OpenAI-compatible provider';
const KEY_SETTING = 'OPENAI_API_KEY';

const chatCompletionSchema = z.object({
  choices: z
    .array(
      z.object({
        message: z.object({
          content: z.string().nullish(),
          refusal: z.string().nullish(),
        }),
        finish_reason: z.string().nullish(),
      }),
    )
    .min(1),
});

/**
 * Writes scripts with any server speaking OpenAI's Chat Completions API (OpenAI, Ollama, vLLM, OpenRouter,
 * Gemini's compatible endpoint), asking for strict structured output that matches the script schema.
 */
export class OpenAICompatibleWriter implements ScriptWriter {
  readonly id: string;
  readonly offline = false;

  constructor(private readonly settings: OpenAICompatibleSettings) {
    this.id = `openai:${settings.model}`;
  }

  /** Asks the model for a script; one repair round when the answer does not validate. */
  async write(brief: Brief, length: ScriptLength, signal?: AbortSignal): Promise<Script> {
    const start: ChatMessage[] = [
      { role: 'system', content: systemPrompt(brief, length.targetWords) },
      { role: 'user', content: userPrompt(brief) },
    ];
    return writeWithOneRepair(
      brief,
      this.id,
      () => this.complete(start, signal),
      (previous, errors) =>
        this.complete(
          [
            ...previous.messages,
            { role: 'assistant', content: previous.reply },
            { role: 'user', content: repairPrompt(errors) },
          ],
          signal,
        ),
    );
  }

  private async complete(messages: ChatMessage[], signal?: AbortSignal): Promise<ChatAttempt> {
    const response = await aiFetch(
      aiUrl(this.settings.baseUrl, '/chat/completions'),
      {
        method: 'POST',
        headers: {
          accept: 'application/json',
          ...(this.settings.apiKey ? { authorization: `Bearer ${this.settings.apiKey}` } : {}),
        },
        json: {
          model: this.settings.model,
          messages,
          response_format: {
            type: 'json_schema',
            json_schema: { name: 'short_video_script', strict: true, schema: scriptDraftJsonSchema() },
          },
        },
      },
      { provider: PROVIDER, timeoutMs: this.settings.timeoutMs, signal },
    );
    throwForStatus(response, PROVIDER, errorDetail(response), KEY_SETTING);
    const completion = chatCompletionSchema.safeParse(jsonBody(response));
    const choice = completion.data?.choices[0];
    if (!choice)
      throw new TransientError('ai_bad_response', `${PROVIDER} answered without a chat completion`);
    if (choice.message.refusal) {
      throw new UserError(
        'validation',
        'script_refused',
        `The model declined to write this script: ${choice.message.refusal}`,
      );
    }
    const reply = choice.message.content ?? '';
    return { messages, reply, answer: parseReply(reply, choice.finish_reason) };
  }
}

function parseReply(reply: string, finishReason: string | null | undefined): ChatAttempt['answer'] {
  try {
    return { ok: true, value: JSON.parse(reply) };
  } catch {
    const cut = finishReason === 'length' ? ' (it was cut off at the length limit; be shorter)' : '';
    return { ok: false, error: `The answer was not valid JSON${cut}.` };
  }
}

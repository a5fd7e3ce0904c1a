import { z } from 'zod';
import type { Brief, Script } from '../../../domain/content.js';
import { TransientError } from '../../../domain/errors.js';
import type { ScriptLength, ScriptWriter } from '../../../ports/script-writer.js';
import { aiFetch, aiUrl, errorDetail, jsonBody, throwForStatus } from '../http.js';
import { repairPrompt, systemPrompt, userPrompt } from './prompt.js';
import { writeWithOneRepair, type ModelAttempt } from './repair-loop.js';
import { scriptDraftJsonSchema } from './script-draft.js';

export interface AnthropicSettings {
  /** e.g. https://api.anthropic.com */
  baseUrl: string;
  apiKey: string;
  model: string;
  timeoutMs?: number;
  maxTokens?: number;
}

type ToolUse = { type: 'tool_use'; id: string; name: string; input: unknown };
type Block =
  | { type: 'text'; text: string }
  | ToolUse
  | { type: 'tool_result'; tool_use_id: string; is_error: boolean; content: string };
type Message = { role: 'user' | 'assistant'; content: string | Block[] };

interface MessagesAttempt extends ModelAttempt {
  messages: Message[];
  /** The model's reply blocks, sent back with the repair request. */
  reply: Block[];
}

const PROVIDER = 'Anthropic';
const KEY_SETTING = 'ANTHROPIC_API_KEY';
const API_VERSION = '2023-06-01';
const TOOL_NAME = 'write_script';

const responseBlockSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), text: z.string() }),
  z.object({ type: z.literal('tool_use'), id: z.string(), name: z.string(), input: z.unknown() }),
]);
const messageSchema = z.object({
  // Other block kinds (thinking, server tools) are not asked for; they are dropped, not fatal.
  content: z.array(z.unknown()),
  stop_reason: z.string().nullish(),
});

/**
 * Writes scripts with Anthropic's Messages API, forcing a call of a `write_script` tool whose input schema is
 * the script schema, and reading the tool call's input.
 */
export class AnthropicWriter implements ScriptWriter {
  readonly id: string;
  readonly offline = false;

  constructor(private readonly settings: AnthropicSettings) {
    this.id = `anthropic:${settings.model}`;
  }

  /** Asks the model for a script; one repair round (a tool_result marked as an error) when it does not validate. */
  async write(brief: Brief, length: ScriptLength, signal?: AbortSignal): Promise<Script> {
    const system = systemPrompt(brief, length.targetWords);
    return writeWithOneRepair(
      brief,
      this.id,
      () => this.send(system, [{ role: 'user', content: userPrompt(brief) }], signal),
      (previous, errors) =>
        this.send(system, [...previous.messages, ...repairTurn(previous.reply, errors)], signal),
    );
  }

  private async send(system: string, messages: Message[], signal?: AbortSignal): Promise<MessagesAttempt> {
    const response = await aiFetch(
      aiUrl(this.settings.baseUrl, '/v1/messages'),
      {
        method: 'POST',
        headers: {
          accept: 'application/json',
          'x-api-key': this.settings.apiKey,
          'anthropic-version': API_VERSION,
        },
        json: {
          model: this.settings.model,
          max_tokens: this.settings.maxTokens ?? 2048,
          system,
          messages,
          tools: [
            {
              name: TOOL_NAME,
              description: 'Hands over the finished short-video script.',
              input_schema: scriptDraftJsonSchema(),
            },
          ],
          tool_choice: { type: 'tool', name: TOOL_NAME },
        },
      },
      { provider: PROVIDER, timeoutMs: this.settings.timeoutMs, signal },
    );
    throwForStatus(response, PROVIDER, errorDetail(response), KEY_SETTING);
    const message = messageSchema.safeParse(jsonBody(response));
    if (!message.success)
      throw new TransientError('ai_bad_response', `${PROVIDER} answered without a message`);
    const reply = message.data.content.flatMap((block) => {
      const parsed = responseBlockSchema.safeParse(block);
      return parsed.success ? [parsed.data] : [];
    });
    const call = reply.filter(isToolUse).find((block) => block.name === TOOL_NAME);
    const cut =
      message.data.stop_reason === 'max_tokens' ? ' It was cut off at the token limit; be shorter.' : '';
    return {
      messages,
      reply,
      answer: call
        ? { ok: true, value: call.input }
        : { ok: false, error: `The answer did not call the ${TOOL_NAME} tool.${cut}` },
    };
  }
}

/**
 * The assistant's reply followed by the repair request: a tool_result marked as an error when the model called
 * the tool (the API requires every tool_use to be answered), plain text otherwise.
 */
function repairTurn(reply: Block[], errors: string[]): Message[] {
  const call = reply.find(isToolUse);
  const request: Block[] = call
    ? [{ type: 'tool_result', tool_use_id: call.id, is_error: true, content: repairPrompt(errors) }]
    : [{ type: 'text', text: repairPrompt(errors) }];
  const assistant: Message[] = reply.length ? [{ role: 'assistant', content: reply }] : [];
  return [...assistant, { role: 'user', content: request }];
}

function isToolUse(block: Block): block is ToolUse {
  return block.type === 'tool_use';
}

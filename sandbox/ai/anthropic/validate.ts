/**
 * Request validation of POST /v1/messages, written from Anthropic's Messages API reference: required fields,
 * roles, content blocks, tools and tool_choice, and the rule that every `tool_use` is answered by a
 * `tool_result` in the next message (and no `tool_result` answers a call that was not made).
 */

export interface AnthropicErrorBody {
  status: number;
  type: string;
  message: string;
}

const BLOCK_TYPES = ['text', 'image', 'document', 'tool_use', 'tool_result', 'thinking', 'redacted_thinking'];
const TOOL_CHOICES = ['auto', 'any', 'tool', 'none'];

type Block = { type?: unknown; id?: unknown; tool_use_id?: unknown; text?: unknown };

/** The first problem of a messages body, or null when the API would accept it. */
export function messagesRequestProblem(body: unknown, models: string[]): AnthropicErrorBody | null {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return invalid('Input should be an object');
  const request = body as Record<string, unknown>;
  if (request.model === undefined) return invalid('model: Field required');
  if (typeof request.model !== 'string') return invalid('model: Input should be a valid string');
  if (!models.includes(request.model)) {
    return { status: 404, type: 'not_found_error', message: `model: ${request.model}` };
  }
  if (request.max_tokens === undefined) return invalid('max_tokens: Field required');
  if (!Number.isInteger(request.max_tokens) || (request.max_tokens as number) < 1) {
    return invalid('max_tokens: Input should be a valid integer greater than or equal to 1');
  }
  return (
    systemProblem(request.system) ??
    messagesProblem(request.messages) ??
    toolsProblem(request.tools, request.tool_choice)
  );
}

function systemProblem(system: unknown): AnthropicErrorBody | null {
  if (system === undefined || typeof system === 'string') return null;
  const blocks = Array.isArray(system) ? (system as Block[]) : null;
  if (!blocks || blocks.some((block) => block.type !== 'text' || typeof block.text !== 'string')) {
    return invalid('system: Input should be a valid string or a list of text blocks');
  }
  return null;
}

function messagesProblem(messages: unknown): AnthropicErrorBody | null {
  if (messages === undefined) return invalid('messages: Field required');
  if (!Array.isArray(messages)) return invalid('messages: Input should be a valid list');
  if (messages.length === 0) return invalid('messages: at least one message is required');
  let pendingToolUses: string[] = [];
  for (const [index, message] of messages.entries()) {
    const { role, content } = (message ?? {}) as { role?: unknown; content?: unknown };
    if (role !== 'user' && role !== 'assistant') {
      return invalid(`messages.${index}.role: Input should be 'user' or 'assistant'`);
    }
    if (index === 0 && role !== 'user') return invalid('messages: first message must use the "user" role');
    if (typeof content !== 'string' && !Array.isArray(content)) {
      return invalid(`messages.${index}.content: Input should be a valid string or a list of content blocks`);
    }
    const blocks = (Array.isArray(content) ? content : []) as Block[];
    const unknownBlock = blocks.findIndex((block) => !BLOCK_TYPES.includes(String(block?.type)));
    if (unknownBlock >= 0) {
      return invalid(
        `messages.${index}.content.${unknownBlock}.type: Input tag '${String(blocks[unknownBlock]?.type)}' found using 'type' does not match any of the expected tags`,
      );
    }
    const results = blocks
      .filter((block) => block.type === 'tool_result')
      .map((block) => String(block.tool_use_id));
    const unanswered = pendingToolUses.filter((id) => !results.includes(id));
    if (unanswered.length > 0) {
      return invalid(
        `messages.${index}: \`tool_use\` ids were found without \`tool_result\` blocks immediately after: ${unanswered.join(', ')}. Each \`tool_use\` block must have a corresponding \`tool_result\` block in the next message.`,
      );
    }
    const stray = results.find((id) => !pendingToolUses.includes(id));
    if (stray !== undefined) {
      return invalid(
        `messages.${index}.content: unexpected \`tool_use_id\` found in \`tool_result\` blocks: ${stray}. Each \`tool_result\` block must have a corresponding \`tool_use\` block in the previous message.`,
      );
    }
    pendingToolUses =
      role === 'assistant'
        ? blocks.filter((block) => block.type === 'tool_use').map((block) => String(block.id))
        : [];
  }
  if (pendingToolUses.length > 0) {
    return invalid(
      `messages.${messages.length - 1}: \`tool_use\` ids were found without \`tool_result\` blocks immediately after: ${pendingToolUses.join(', ')}. Each \`tool_use\` block must have a corresponding \`tool_result\` block in the next message.`,
    );
  }
  return null;
}

function toolsProblem(tools: unknown, toolChoice: unknown): AnthropicErrorBody | null {
  const list = tools === undefined ? [] : tools;
  if (!Array.isArray(list)) return invalid('tools: Input should be a valid list');
  for (const [index, tool] of list.entries()) {
    const { name, input_schema: schema } = (tool ?? {}) as { name?: unknown; input_schema?: unknown };
    if (typeof name !== 'string' || !/^[a-zA-Z0-9_-]{1,128}$/.test(name)) {
      return invalid(`tools.${index}.custom.name: String should match pattern '^[a-zA-Z0-9_-]{1,128}$'`);
    }
    if (typeof schema !== 'object' || schema === null)
      return invalid(`tools.${index}.custom.input_schema: Field required`);
    if ((schema as { type?: unknown }).type !== 'object') {
      return invalid(`tools.${index}.custom.input_schema.type: Input should be 'object'`);
    }
  }
  if (toolChoice === undefined) return null;
  const { type, name } = (toolChoice ?? {}) as { type?: unknown; name?: unknown };
  if (typeof type !== 'string' || !TOOL_CHOICES.includes(type)) {
    return invalid(
      `tool_choice: Input tag '${String(type)}' found using 'type' does not match any of the expected tags: 'auto', 'any', 'tool', 'none'`,
    );
  }
  if (type !== 'auto' && type !== 'none' && list.length === 0) {
    return invalid('tool_choice: tool_choice may only be specified while providing tools.');
  }
  if (type === 'tool' && !list.some((tool) => (tool as { name?: unknown }).name === name)) {
    return invalid(`tool_choice: Tool '${String(name)}' not found in provided tools`);
  }
  return null;
}

function invalid(message: string): AnthropicErrorBody {
  return { status: 400, type: 'invalid_request_error', message };
}

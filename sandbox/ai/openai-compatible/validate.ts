/**
 * Request validation of POST /v1/chat/completions, written from OpenAI's API reference and its documented
 * Structured Outputs rules (strict schemas: every object closed with additionalProperties false, every
 * property listed in required). Messages and codes follow what the API answers.
 */

export interface OpenAIErrorBody {
  status: number;
  message: string;
  type: string;
  param: string | null;
  code: string | null;
}

const ROLES = ['system', 'developer', 'user', 'assistant', 'tool', 'function'];
const FORMAT_TYPES = ['text', 'json_object', 'json_schema'];

/** The first problem of a chat completion body, or null when the API would accept it. */
export function chatRequestProblem(body: unknown, models: string[]): OpenAIErrorBody | null {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return invalid(
      'We could not parse the JSON body of your request. The OpenAI API expects a JSON payload.',
      null,
    );
  }
  const request = body as Record<string, unknown>;
  if (typeof request.model !== 'string' || !request.model) {
    return invalid('you must provide a model parameter', null);
  }
  if (!models.includes(request.model)) {
    return {
      status: 404,
      message: `The model \`${request.model}\` does not exist or you do not have access to it.`,
      type: 'invalid_request_error',
      param: null,
      code: 'model_not_found',
    };
  }
  return (
    messagesProblem(request.messages) ?? responseFormatProblem(request.response_format, request.messages)
  );
}

function messagesProblem(messages: unknown): OpenAIErrorBody | null {
  if (messages === undefined) {
    return invalid("Missing required parameter: 'messages'.", 'messages', 'missing_required_parameter');
  }
  if (!Array.isArray(messages))
    return invalid("Invalid type for 'messages': expected an array.", 'messages', 'invalid_type');
  if (messages.length === 0) {
    return invalid(
      "Invalid 'messages': empty array. Expected an array with minimum length 1, but got an empty array instead.",
      'messages',
      'empty_array',
    );
  }
  for (const [index, message] of messages.entries()) {
    const param = `messages[${index}]`;
    if (typeof message !== 'object' || message === null) {
      return invalid(`Invalid type for '${param}': expected an object.`, param, 'invalid_type');
    }
    const { role, content } = message as Record<string, unknown>;
    if (typeof role !== 'string' || !ROLES.includes(role)) {
      return invalid(
        `Invalid value: '${String(role)}'. Supported values are: 'system', 'assistant', 'user', 'function', 'tool', and 'developer'.`,
        `${param}.role`,
        'invalid_value',
      );
    }
    const nullable = role === 'assistant' && content === null;
    if (!nullable && typeof content !== 'string' && !Array.isArray(content)) {
      return invalid(
        `Invalid type for '${param}.content': expected one of a string or array of objects.`,
        `${param}.content`,
        'invalid_type',
      );
    }
  }
  return null;
}

function responseFormatProblem(format: unknown, messages: unknown): OpenAIErrorBody | null {
  if (format === undefined) return null;
  const { type, json_schema: jsonSchema } = (format ?? {}) as Record<string, unknown>;
  if (typeof type !== 'string' || !FORMAT_TYPES.includes(type)) {
    return invalid(
      `Invalid value: '${String(type)}'. Supported values are: 'text', 'json_object', and 'json_schema'.`,
      'response_format.type',
      'invalid_value',
    );
  }
  if (type === 'json_object' && !JSON.stringify(messages).toLowerCase().includes('json')) {
    return invalid(
      "'messages' must contain the word 'json' in some form, to use 'response_format' of type 'json_object'.",
      'messages',
    );
  }
  if (type !== 'json_schema') return null;
  const spec = (jsonSchema ?? {}) as Record<string, unknown>;
  if (typeof spec.name !== 'string') {
    return invalid(
      "Missing required parameter: 'response_format.json_schema.name'.",
      'response_format.json_schema.name',
      'missing_required_parameter',
    );
  }
  if (!/^[a-zA-Z0-9_-]{1,64}$/.test(spec.name)) {
    return invalid(
      "Invalid 'response_format.json_schema.name': string does not match pattern. Expected a string that matches the pattern '^[a-zA-Z0-9_-]+$'.",
      'response_format.json_schema.name',
      'invalid_value',
    );
  }
  if (spec.strict === true) {
    const problem = strictSchemaProblem(spec.schema, '');
    if (problem) {
      return invalid(
        `Invalid schema for response_format '${spec.name}': In context=(${problem.context}), ${problem.message}`,
        'response_format',
        'invalid_json_schema',
      );
    }
  }
  return null;
}

/** The first rule of strict mode the schema breaks, with the JSON path where it happens. */
function strictSchemaProblem(schema: unknown, context: string): { context: string; message: string } | null {
  if (typeof schema !== 'object' || schema === null)
    return { context, message: 'schema must be a JSON Schema object.' };
  const node = schema as Record<string, unknown>;
  if (context === '' && node.type !== 'object')
    return { context, message: 'schema must be a JSON Schema of \'type: "object"\'.' };
  if (node.type === 'object') {
    if (node.additionalProperties !== false) {
      return { context, message: "'additionalProperties' is required to be supplied and to be false." };
    }
    const properties = (node.properties ?? {}) as Record<string, unknown>;
    const required = Array.isArray(node.required) ? node.required : [];
    const missing = Object.keys(properties).find((key) => !required.includes(key));
    if (missing !== undefined) {
      return {
        context,
        message: `'required' is required to be supplied and to be an array including every key in properties. Missing '${missing}'.`,
      };
    }
    for (const [key, child] of Object.entries(properties)) {
      const problem = strictSchemaProblem(child, `${context ? `${context}, ` : ''}'properties', '${key}'`);
      if (problem) return problem;
    }
  }
  if (node.type === 'array' && node.items !== undefined) {
    return strictSchemaProblem(node.items, `${context ? `${context}, ` : ''}'items'`);
  }
  return null;
}

function invalid(message: string, param: string | null, code: string | null = null): OpenAIErrorBody {
  return { status: 400, message, type: 'invalid_request_error', param, code };
}

/**
 * What a model might answer, built from a JSON Schema the way a constrained decoder would: every required
 * property, arrays at their minimum length (three items when unbounded), strings written around the prompt's topic. Shared by the
 * OpenAI-compatible and Anthropic fakes; it knows nothing of the product's adapters.
 */

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  enum?: unknown[];
  minimum?: number;
};

// Phrases for property names that short-video prompts commonly ask for; anything else gets a generic sentence.
const PHRASES: Record<string, (topic: string, index: number) => string> = {
  hook: (topic) => `Here is what nobody tells you about ${topic}.`,
  text: (topic, index) => `Point ${index + 1}: a simple idea about ${topic} that you can try today.`,
  visualCue: (topic, index) =>
    `${['close-up', 'wide shot', 'overhead shot', 'detail shot'][index % 4]} of ${topic}`,
  callToAction: (topic) => `Follow for more about ${topic}.`,
};

/** The topic a prompt is about: a "Topic:" line if there is one, else its first words. */
export function topicOf(prompt: string): string {
  const line = /^\s*topic\s*:\s*(.+)$/im.exec(prompt)?.[1];
  const topic = line ?? prompt.split(/\s+/).filter(Boolean).slice(0, 8).join(' ');
  return topic.replace(/[.!?]+$/, '').trim() || 'this topic';
}

/** The text of a message's content: a string, or the `text` of its blocks (Anthropic) or parts (OpenAI). */
export function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .map((part) =>
      typeof (part as { text?: unknown }).text === 'string' ? (part as { text: string }).text : '',
    )
    .join('\n');
}

/** The first user message holds the brief; later ones are follow-ups such as repair requests. */
export function firstUserText(messages: unknown): string {
  if (!Array.isArray(messages)) return '';
  const user = messages.find((m) => (m as { role?: unknown }).role === 'user') as
    { content?: unknown } | undefined;
  return textOf(user?.content);
}

/** A value matching the schema, with text about the topic. */
export function sampleFromSchema(schema: unknown, topic: string, name = '', index = 0): unknown {
  const node = (typeof schema === 'object' && schema !== null ? schema : {}) as JsonSchema;
  if (node.enum && node.enum.length > 0) return node.enum[0];
  const type = Array.isArray(node.type) ? node.type.find((t) => t !== 'null') : node.type;
  switch (type) {
    case 'object': {
      const entries = Object.entries(node.properties ?? {}).filter(
        ([key]) => !node.required || node.required.includes(key),
      );
      return Object.fromEntries(
        entries.map(([key, child]) => [key, sampleFromSchema(child, topic, key, index)]),
      );
    }
    case 'array': {
      const count = node.minItems ?? Math.min(3, node.maxItems ?? 3);
      return Array.from({ length: count }, (_, i) => sampleFromSchema(node.items, topic, name, i));
    }
    case 'integer':
    case 'number':
      return node.minimum ?? 1;
    case 'boolean':
      return true;
    default:
      return (PHRASES[name] ?? ((t: string) => `Something about ${t}.`))(topic, index);
  }
}

/** A sample that breaks the schema: the first required property missing and the first array cut to one item. */
export function brokenSample(schema: unknown, topic: string): unknown {
  const valid = sampleFromSchema(schema, topic);
  if (typeof valid !== 'object' || valid === null || Array.isArray(valid)) return { unexpected: true };
  const entries = Object.entries(valid);
  return Object.fromEntries(
    entries.slice(1).map(([key, value]) => [key, Array.isArray(value) ? value.slice(0, 1) : value]),
  );
}

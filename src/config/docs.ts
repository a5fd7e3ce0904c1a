import { z } from 'zod';
import { configSchema } from './schema.js';

/** The configuration reference as a Markdown table, generated from the schema's descriptions. */
export function configTable(): string {
  const json = z.toJSONSchema(configSchema, { io: 'input' }) as {
    properties: Record<string, { description?: string; default?: unknown }>;
  };
  const rows = Object.entries(json.properties).map(([name, prop]) => {
    const def =
      prop.default === undefined
        ? ''
        : `\`${typeof prop.default === 'string' ? prop.default : JSON.stringify(prop.default)}\``;
    return `| \`${name}\` | ${def} | ${prop.description ?? ''} |`;
  });
  return ['| Variable | Default | Meaning |', '|---|---|---|', ...rows].join('\n');
}

import { z } from 'zod';
import { voiceSettings } from './voice.schema.js';

const url = (real: string, what: string) =>
  z
    .url({ protocol: /^https?$/ })
    .default(real)
    .transform((u) => u.replace(/\/+$/, ''))
    .describe(what);

/** Settings of the content factory: which engines write, speak and illustrate, and upload limits. */
export const factorySettings = {
  SCRIPT_PROVIDER: z
    .enum(['offline', 'openai', 'anthropic'])
    .default('offline')
    .describe('Who writes scripts: the built-in offline writer, an OpenAI-compatible API, or Anthropic'),
  OPENAI_BASE_URL: url(
    'https://api.openai.com/v1',
    'OpenAI-compatible API base (OpenAI, Ollama, vLLM, OpenRouter, Gemini compatible endpoint)',
  ),
  OPENAI_API_KEY: z
    .string()
    .min(1)
    .optional()
    .describe('Key for the OpenAI-compatible API (local servers may need none)'),
  OPENAI_MODEL: z.string().min(1).default('gpt-4o-mini').describe('Chat model for scripts'),
  ANTHROPIC_BASE_URL: url('https://api.anthropic.com', 'Anthropic API base'),
  ANTHROPIC_API_KEY: z
    .string()
    .min(1)
    .optional()
    .describe('Anthropic key (needed when SCRIPT_PROVIDER=anthropic)'),
  ANTHROPIC_MODEL: z.string().min(1).default('claude-haiku-4-5').describe('Anthropic model for scripts'),
  ...voiceSettings,
  PEXELS_API_KEY: z
    .string()
    .min(1)
    .optional()
    .describe('Pexels key for stock visuals; unset: no stock provider'),
  PEXELS_BASE_URL: url('https://api.pexels.com', 'Pexels API base'),
  MEDIA_UPLOAD_MAX_MB: z.coerce
    .number()
    .int()
    .min(1)
    .max(4096)
    .default(200)
    .describe('Largest image or clip a person may add to the media library, in MB'),
  FFMPEG_PATH: z
    .string()
    .min(1)
    .optional()
    .describe('ffmpeg to use; unset: the system ffmpeg on PATH, else the one shipped in the npm package'),
  RENDER_CONCURRENCY: z.coerce
    .number()
    .int()
    .min(1)
    .max(64)
    .optional()
    .describe('Videos generated at once; unset: the number of CPU cores'),
  WORKSPACE_QUEUE_MAX: z.coerce
    .number()
    .int()
    .min(1)
    .max(10_000)
    .default(20)
    .describe('Videos one workspace may have waiting or being made at once; more answer 429 queue_full'),
};

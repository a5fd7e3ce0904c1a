// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Technology that the inner layers (domain, services, jobs) must reach only through ports.
const technology = [
  'better-sqlite3',
  '@google-cloud/*',
  'bullmq',
  'ioredis',
  'fastify',
  '@fastify/*',
  'node:child_process',
  'child_process',
  'node:fs',
  'fs',
  'node:fs/promises',
  'fs/promises',
  'node:http',
  'node:https',
  'undici',
  'pino',
];

const technologyBan = { group: technology, message: 'Inner layers see ports, never technology.' };

/** A layer may not reach into these top-level folders of src/ (relative imports name them). */
const outOfBounds = (message, ...folders) => ({ message, folders, allow: [] });

// The layers: only src/container/ picks adapters; the inner layers see ports and the domain; the domain sees
// only itself. One block per layer, as flat config replaces a rule's options per file.
const layers = [
  {
    files: ['src/domain/**'],
    inner: true,
    ban: outOfBounds(
      'The domain imports nothing outside src/domain.',
      ...['ports', 'services', 'jobs', 'adapters', 'config', 'http', 'container', 'cli', 'api'],
      ...['observability', 'web', 'sandbox'],
    ),
  },
  {
    files: ['src/ports/**'],
    inner: true,
    ban: outOfBounds(
      'Ports speak in domain types only.',
      ...['services', 'jobs', 'adapters', 'config', 'http', 'container', 'cli', 'observability', 'web'],
    ),
  },
  {
    files: ['src/services/**'],
    inner: true,
    ban: {
      ...outOfBounds(
        'Services see ports, the domain and the job catalog only.',
        ...['jobs', 'adapters', 'config', 'http', 'container', 'cli', 'observability', 'web'],
      ),
      // Services enqueue by catalog entry (name, payload schema, retry policy); the handlers stay out of reach.
      allow: ['**/jobs/catalog.js'],
    },
  },
  {
    files: ['src/jobs/**'],
    inner: true,
    ban: outOfBounds(
      'Jobs see services, ports and the domain only.',
      ...['adapters', 'config', 'http', 'container', 'cli', 'observability', 'web'],
    ),
  },
  {
    files: ['src/adapters/**'],
    ban: outOfBounds(
      'Adapters implement ports: they never call services, jobs, routes or the container.',
      ...['services', 'jobs', 'http', 'container', 'cli', 'web'],
    ),
  },
  {
    files: ['src/config/**'],
    ban: outOfBounds(
      'Config imports only the domain.',
      ...['ports', 'services', 'jobs', 'adapters', 'http', 'container', 'cli', 'observability', 'web'],
    ),
  },
  {
    files: ['src/http/**', 'src/cli/**'],
    ban: outOfBounds(
      'Routes and commands get their adapters from src/container/, through their deps.',
      'adapters',
    ),
  },
];

const layerRules = layers.map(({ files, inner, ban: { message, folders, allow } }) => ({
  files,
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            group: [...folders.map((folder) => `**/${folder}/**`), ...allow.map((path) => `!${path}`)],
            message,
          },
          ...(inner ? [technologyBan] : []),
        ],
      },
    ],
    // The same ban for `await import('…')` (lazy loading is common here), which no-restricted-imports ignores.
    'no-restricted-syntax': [
      'error',
      { selector: `ImportExpression[source.value=/(^|\\/)(${folders.join('|')})\\//]`, message },
    ],
  },
}));

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'data', 'test-results', 'playwright-report'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      // Fastify handlers are async by convention even when they return a value directly.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  ...layerRules,
  {
    files: ['src/web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  { files: ['**/*.js'], ...tseslint.configs.disableTypeChecked },
);

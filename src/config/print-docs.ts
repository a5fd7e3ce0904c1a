import { readFileSync, writeFileSync } from 'node:fs';
import { configTable } from './docs.js';

// `npm run config:docs`: rewrites the configuration table of the README from the schema.
const START = '<!-- config:start -->';
const END = '<!-- config:end -->';
const readme = readFileSync('README.md', 'utf8');
const [before, rest] = readme.split(START);
const after = rest?.split(END)[1];
if (before === undefined || after === undefined)
  throw new Error(`README.md lacks the ${START} … ${END} markers`);
writeFileSync('README.md', `${before}${START}\n\n${configTable()}\n\n${END}${after}`);
process.stdout.write('README.md configuration table updated\n');

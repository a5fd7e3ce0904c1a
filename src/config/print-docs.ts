import { configTable } from './docs.js';

// `npm run config:docs`: the configuration table for the README.
process.stdout.write(`${configTable()}\n`);

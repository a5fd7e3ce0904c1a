// A process that loads (or creates) the media-link key once told to go, and prints what it signs with it.
// Usage: media-link-key-child.ts <key file> <go file>
import { existsSync } from 'node:fs';
import { UrlSigner } from '../../src/adapters/crypto/url-signer.js';

const [file = '', go = ''] = process.argv.slice(2);
process.stdout.write('ready\n');
// Spin rather than poll on a timer, so every process starts within the same instant.
while (!existsSync(go)) {
  /* wait for the start signal */
}
process.stdout.write(`${UrlSigner.fromKeyFile(file).sign('/media/probe', 1).sig}\n`);

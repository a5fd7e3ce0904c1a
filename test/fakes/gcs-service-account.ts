import { generateKeyPairSync } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A service-account key made for one test run (never committed): the key file and its public half. */
export interface TestServiceAccount {
  keyFile: string;
  publicKeyPem: string;
  clientEmail: string;
}

/**
 * Writes a fresh service-account key file into `dir`. Its token endpoint is a closed local port, so a library that
 * tried to trade it for a Google token would fail here instead of reaching the internet.
 */
export function makeTestServiceAccount(dir: string): TestServiceAccount {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const clientEmail = 'media-test@aif-test.iam.gserviceaccount.com';
  const keyFile = join(dir, 'service-account.json');
  const key = {
    type: 'service_account',
    project_id: 'aif-test',
    private_key_id: 'test-key-1',
    private_key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    client_email: clientEmail,
    client_id: '1',
    token_uri: 'http://127.0.0.1:9/token',
  };
  writeFileSync(keyFile, JSON.stringify(key), { mode: 0o600 });
  return { keyFile, publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(), clientEmail };
}

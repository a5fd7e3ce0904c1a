import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../../src/domain/ids.js';
import {
  firestoreEmulatorAvailable,
  startFirestoreEmulator,
  type FirestoreEmulator,
} from '../../fakes/firestore-emulator.js';

const RULES = readFileSync('firestore.rules', 'utf8');

describe('firestore.rules', () => {
  it('has one rule, over every document, and it allows nothing', () => {
    const code = RULES.replace(/\/\/.*$/gm, '');
    expect(code).toMatch(/match \/databases\/\{database\}\/documents \{\s*match \/\{document=\*\*\} \{/);
    expect(code.match(/allow /g)).toEqual(['allow ']);
    expect(code).toMatch(/allow read, write: if false;/);
  });
});

describe.runIf(firestoreEmulatorAvailable('firestore.rules on the emulator'))(
  'firestore.rules on the emulator',
  () => {
    let emulator: FirestoreEmulator;
    const projectId = `aif-rules-${newId().toLowerCase()}`;
    const documents = () => `http://${emulator.host}/v1/projects/${projectId}/databases/(default)/documents`;
    // The emulator takes "Bearer owner" as the admin path (the server SDK's), which rules do not apply to.
    const admin = { authorization: 'Bearer owner', 'content-type': 'application/json' };
    const client = { 'content-type': 'application/json' };
    const aDocument = JSON.stringify({ fields: { name: { stringValue: 'Studio' } } });

    const loadRules = async (project: string, content: string) => {
      const loaded = await fetch(`http://${emulator.host}/emulator/v1/projects/${project}:securityRules`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ rules: { files: [{ name: 'firestore.rules', content }] } }),
      });
      expect(loaded.status, await loaded.text()).toBe(200);
    };

    beforeAll(async () => {
      emulator = await startFirestoreEmulator();
      await loadRules(projectId, RULES);
    }, 90_000);
    afterAll(async () => emulator?.stop());

    it('denies a client every read and write, while the admin path still works', async () => {
      const written = await fetch(`${documents()}/workspaces/ws1`, {
        method: 'PATCH',
        headers: admin,
        body: aDocument,
      });
      expect(written.status).toBe(200);

      const read = await fetch(`${documents()}/workspaces/ws1`, { headers: client });
      expect(read.status).toBe(403);
      const listed = await fetch(`${documents()}/users`, { headers: client });
      expect(listed.status).toBe(403);
      const created = await fetch(`${documents()}/workspaces?documentId=ws2`, {
        method: 'POST',
        headers: client,
        body: aDocument,
      });
      expect(created.status).toBe(403);
      const deleted = await fetch(`${documents()}/workspaces/ws1`, { method: 'DELETE', headers: client });
      expect(deleted.status).toBe(403);

      // The control: the same client request under rules that allow it goes through, so the rules are what denied.
      const open = `aif-open-${newId().toLowerCase()}`;
      await loadRules(open, RULES.replace('if false', 'if true'));
      const allowed = await fetch(documents().replace(projectId, open) + '/workspaces/ws1', {
        headers: client,
      });
      expect(allowed.status).toBe(404);

      const stillThere = await fetch(`${documents()}/workspaces/ws1`, { headers: admin });
      expect(stillThere.status).toBe(200);
    });
  },
);

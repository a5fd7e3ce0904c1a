import { PLATFORMS, type Platform } from '../../src/domain/connection.js';
import type { Container } from '../../src/container/index.js';
import type { AuthContext } from '../../src/services/auth-context.js';
import { sandboxGrant } from './sandbox-accounts.js';
import { benchConnection } from './bench-connection.js';

/**
 * Many connected accounts at once: each gets its own access token from the sandbox through the product's OAuth
 * code (so each has its own per-token limits), stored sealed in the vault like a real connection. The sandbox has
 * one auto-consent persona per platform, so the accounts are told apart by their connection, not by the platform.
 */
export async function seedConnections(
  container: Container,
  workspaceId: string,
  count: number,
): Promise<{ id: string; platform: Platform }[]> {
  const seeded: { id: string; platform: Platform }[] = [];
  let next = 0;
  const seedOne = async (i: number) => {
    const platform = PLATFORMS[i % PLATFORMS.length]!;
    const { accessToken, scopes } = await sandboxGrant(
      platform,
      container.platforms.baseUrls,
      container.config.PUBLIC_BASE_URL,
    );
    const now = new Date().toISOString();
    const connection = benchConnection({
      workspaceId,
      platform,
      externalAccountId: `bench-account-${i}`,
      displayName: `Bench account ${i}`,
      scopes,
      now,
    });
    await container.store.connections.create(connection);
    const sealed = await container.vault.seal(
      { recordId: connection.id, workspaceId },
      { accessToken, refreshToken: null },
    );
    await container.store.connections.saveTokens(workspaceId, connection.id, sealed, now);
    seeded.push({ id: connection.id, platform });
  };
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < count) await seedOne(next++);
    }),
  );
  return seeded;
}

/** The owner's context in a workspace, as a signed-in request would carry it. */
export async function ownerContext(
  container: Container,
  email: string,
  workspaceId: string,
): Promise<AuthContext> {
  const user = await container.store.users.findByEmail(email);
  if (!user) throw new Error(`no user ${email}`);
  return { sessionId: 'bench', user, workspaceId, role: 'owner' };
}

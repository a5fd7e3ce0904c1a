import { ROLE_NAMES, type Role } from './deployment.schema.js';
import type { Config } from './schema.js';

/** The settings the deployment rules read (a whole Config fits). */
export type DeploymentSettings = Pick<
  Config,
  'ROLES' | 'STORE' | 'FIRESTORE_PROJECT_ID' | 'REDIS_URL' | 'TOKEN_ENCRYPTION_KEYS' | 'MEDIA_LINK_KEY'
>;

/** True when this process runs some roles and other processes the rest (the roles are split over machines). */
export function rolesAreSplit(roles: readonly Role[]): boolean {
  return ROLE_NAMES.some((role) => !roles.includes(role));
}

/** Whether this process runs `role`. */
export function runsRole(config: Pick<Config, 'ROLES'>, role: Role): boolean {
  return config.ROLES.includes(role);
}

/**
 * Every reason this mix of settings would lose or corrupt work, in words an operator can act on; empty when it is
 * safe. Boot prints them all and exits 1, like config errors.
 */
export function unsafeDeploymentProblems(config: DeploymentSettings): string[] {
  const problems: string[] = [];
  if (config.STORE === 'firestore' && !config.FIRESTORE_PROJECT_ID)
    problems.push('STORE=firestore needs FIRESTORE_PROJECT_ID (the Google Cloud project of the database)');
  if (!rolesAreSplit(config.ROLES)) return problems;
  const roles = `ROLES=${config.ROLES.join(',')}`;
  if (!config.REDIS_URL)
    problems.push(
      `${roles} needs REDIS_URL: without it jobs wait in this process's own queue, which no other process can take them from`,
    );
  if (config.STORE === 'sqlite')
    problems.push(
      `${roles} needs STORE=firestore: the SQLite file lives on one machine's disk and cannot be shared between machines`,
    );
  if (!config.TOKEN_ENCRYPTION_KEYS)
    problems.push(
      `${roles} needs TOKEN_ENCRYPTION_KEYS: without it each machine makes its own vault key under DATA_DIR/keys and cannot read the tokens another stored`,
    );
  if (!config.MEDIA_LINK_KEY)
    problems.push(
      `${roles} needs MEDIA_LINK_KEY: without it each machine makes its own key under DATA_DIR/keys and rejects the media links another signed`,
    );
  problems.push(...sharedMediaProblems(config));
  return problems;
}

/**
 * INTEGRATION POINT (media store): split roles need one media store every machine reads and writes. The
 * MEDIA_STORE setting (local | gcs) is added in parallel; once it is in Config, this returns
 * `ROLES=… needs MEDIA_STORE=gcs: …` for split roles with the local media folder. Until then it finds nothing.
 */
export function sharedMediaProblems(_config: DeploymentSettings): string[] {
  return [];
}

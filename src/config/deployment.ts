import { ROLE_NAMES, type Role } from './deployment.schema.js';
import type { Config } from './schema.js';

/** The settings the deployment rules read (a whole Config fits). */
export type DeploymentSettings = Pick<
  Config,
  | 'ROLES'
  | 'STORE'
  | 'FIRESTORE_PROJECT_ID'
  | 'REDIS_URL'
  | 'TOKEN_ENCRYPTION_KEYS'
  | 'MEDIA_LINK_KEY'
  | 'MEDIA_STORE'
  | 'MEDIA_SHARED_VOLUME'
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
 * Split roles need one media store every machine reads and writes: a bucket (MEDIA_STORE=gcs), or DATA_DIR on a
 * volume every process mounts (MEDIA_SHARED_VOLUME=true: a Filestore share, a Cloud Storage FUSE mount, or one
 * machine's disk for processes on that machine).
 */
export function sharedMediaProblems(config: DeploymentSettings): string[] {
  if (!rolesAreSplit(config.ROLES) || config.MEDIA_STORE === 'gcs' || config.MEDIA_SHARED_VOLUME) return [];
  return [
    `ROLES=${config.ROLES.join(',')} needs MEDIA_STORE=gcs (or MEDIA_SHARED_VOLUME=true when DATA_DIR is a volume every process mounts): a worker's renders under one machine's DATA_DIR/media are out of reach of the others`,
  ];
}

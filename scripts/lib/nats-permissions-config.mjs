// The users and permissions of a deployment (libs/messaging/src/nats-permissions.ts) for a private
// nats-server: the same table as deploy/nats/authorization.conf, with random passwords written
// into the file, so that tests run the services with their own NATS credentials.
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The user with no restriction that a test inspects the server with. */
export const NATS_ADMIN_USER = 'admin';

/**
 * @typedef {{ NATS_USER: string, NATS_PASSWORD: string }} NatsCredentialSettings
 * @typedef {{
 *   configFile: string,
 *   credentials: Record<string, NatsCredentialSettings>,
 *   admin: { user: string, pass: string },
 * }} NatsPermissionsConfig
 */

/**
 * Writes `nats-permissions.conf` into `directory` (readable by its owner only): every user of the
 * table (the five services and `mission-system`) with a random password, plus NATS_ADMIN_USER.
 * Pass `configFile` to startNatsServer, and each service its `credentials[service]` as environment.
 * Reads the built @bluehelm/messaging: build first (`npx tsc -b libs/messaging`).
 *
 * @param {string} directory
 * @returns {Promise<NatsPermissionsConfig>}
 */
export async function writeNatsPermissionsConfig(directory) {
  const { NATS_USERS, natsServerAuthorizationConfig } = await import('@bluehelm/messaging');
  /** @type {Record<string, string>} */
  const passwords = Object.fromEntries(NATS_USERS.map((user) => [user, randomPassword()]));
  const adminPassword = randomPassword();
  const text = natsServerAuthorizationConfig(passwords, { unrestrictedUsers: { [NATS_ADMIN_USER]: adminPassword } });
  const configFile = join(directory, 'nats-permissions.conf');
  writeFileSync(configFile, text, { mode: 0o600 });
  return {
    configFile,
    credentials: Object.fromEntries(NATS_USERS.map((user) => [user, { NATS_USER: user, NATS_PASSWORD: passwords[user] }])),
    admin: { user: NATS_ADMIN_USER, pass: adminPassword },
  };
}

/** Letters and digits, starting with a letter, as a password in a nats-server variable must. */
function randomPassword() {
  return `p${randomBytes(24).toString('hex')}`;
}

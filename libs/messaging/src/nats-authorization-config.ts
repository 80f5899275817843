/**
 * The nats-server `authorization { users = [...] }` block for the permission table: one user per
 * NatsUser with its publish and subscribe rules and `allow_responses`.
 */
import { MessagingError } from './errors.js';
import { BLUEHELM_NATS_PERMISSIONS, NATS_USERS, type NatsSubjectRules, type NatsUser, type NatsUserPermissions } from './nats-permissions.js';

/**
 * A user's password: the text itself (a private test server), or the name of an environment
 * variable of the nats-server process (`$NAME` in the configuration), so that no password is
 * written into a deployed file.
 */
export type NatsPassword = string | { readonly fromEnvironment: string };

export interface NatsAuthorizationOptions {
  /**
   * Users with no permissions at all (they may publish and subscribe to anything): an operator's
   * or a test's own tools. None by default.
   */
  readonly unrestrictedUsers?: Readonly<Record<string, NatsPassword>>;
}

/** A password or variable name that the configuration could not carry as written. */
export class InvalidNatsCredentialError extends MessagingError {
  constructor(
    readonly user: string,
    problem: string,
  ) {
    super(`NATS user "${user}": ${problem}`);
  }
}

/** The environment variable holding a user's password in a deployment: NATS_CASE_TRACKING_PASSWORD. */
export function natsPasswordVariable(user: string): string {
  return `NATS_${user.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_PASSWORD`;
}

/** Every table user's password taken from its variable (natsPasswordVariable). */
export function natsPasswordsFromEnvironment(): Record<NatsUser, NatsPassword> {
  return Object.fromEntries(NATS_USERS.map((user) => [user, { fromEnvironment: natsPasswordVariable(user) }])) as Record<
    NatsUser,
    NatsPassword
  >;
}

/**
 * Renders the authorization block of the table. Every table user needs a password; a deployment
 * passes natsPasswordsFromEnvironment(), a test server random ones.
 */
export function natsServerAuthorizationConfig(
  passwords: Readonly<Record<NatsUser, NatsPassword>>,
  options: NatsAuthorizationOptions = {},
): string {
  const users = [
    ...NATS_USERS.map((user) => userBlock(user, passwords[user], BLUEHELM_NATS_PERMISSIONS[user])),
    ...Object.entries(options.unrestrictedUsers ?? {}).map(([user, password]) => userBlock(user, password, undefined)),
  ];
  return [
    '# Generated from the permission table of libs/messaging/src/nats-permissions.ts: do not edit.',
    '# `node scripts/nats-authorization.mjs` writes deploy/nats/authorization.conf again.',
    'authorization {',
    '  users = [',
    ...users.flatMap((lines) => lines.map((line) => `    ${line}`)),
    '  ]',
    '}',
    '',
  ].join('\n');
}

function userBlock(user: string, password: NatsPassword | undefined, permissions: NatsUserPermissions | undefined): string[] {
  if (password === undefined) throw new InvalidNatsCredentialError(user, 'no password given');
  if (NATS_USERS.includes(user as NatsUser) && permissions === undefined) {
    throw new InvalidNatsCredentialError(user, 'a table user cannot be unrestricted');
  }
  return [
    '{',
    `  user: ${quoted(user, user, `the user name "${user}"`)}`,
    `  password: ${passwordValue(user, password)}`,
    ...(permissions === undefined ? [] : permissionLines(permissions).map((line) => `  ${line}`)),
    '}',
  ];
}

function permissionLines(permissions: NatsUserPermissions): string[] {
  return [
    'permissions {',
    ...rulesLines('publish', permissions.publish),
    ...rulesLines('subscribe', permissions.subscribe),
    `  allow_responses: ${permissions.allowResponses}`,
    '}',
  ];
}

function rulesLines(kind: 'publish' | 'subscribe', rules: NatsSubjectRules): string[] {
  // An empty allow list would let everything through: state "nothing" as a deny of all instead.
  const deny = rules.allow.length === 0 ? ['>'] : rules.deny;
  return [
    `  ${kind} {`,
    ...(rules.allow.length === 0 ? [] : subjectList('allow', rules.allow)),
    ...(deny.length === 0 ? [] : subjectList('deny', deny)),
    '  }',
  ];
}

function subjectList(name: 'allow' | 'deny', subjects: readonly string[]): string[] {
  return [`    ${name}: [`, ...subjects.map((subject) => `      ${quoted(subject, subject, `the subject "${subject}"`)}`), '    ]'];
}

function passwordValue(user: string, password: NatsPassword): string {
  if (typeof password !== 'string') {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(password.fromEnvironment)) {
      throw new InvalidNatsCredentialError(user, `"${password.fromEnvironment}" is not an environment variable name`);
    }
    return `$${password.fromEnvironment}`;
  }
  if (password === '') throw new InvalidNatsCredentialError(user, 'the password is empty');
  return quoted(user, password, 'the password');
}

/**
 * A double-quoted string (quoted, `$` starts no variable). Only printable ASCII without quotes
 * and backslashes is accepted, so that no escaping rule of the format is relied on. `what` names
 * the text in the error without showing a password.
 */
function quoted(owner: string, text: string, what: string): string {
  if (!/^[\x21\x23-\x5b\x5d-\x7e]+$/.test(text)) {
    throw new InvalidNatsCredentialError(owner, `${what} must be printable ASCII without blanks, quotes or backslashes`);
  }
  return `"${text}"`;
}

import { describe, expect, it } from '@jest/globals';
import {
  InvalidNatsCredentialError,
  natsPasswordsFromEnvironment,
  natsPasswordVariable,
  natsServerAuthorizationConfig,
  type NatsPassword,
} from './nats-authorization-config.js';
import { BLUEHELM_NATS_PERMISSIONS, NATS_USERS, type NatsUser } from './nats-permissions.js';

const literalPasswords = (): Record<NatsUser, NatsPassword> =>
  Object.fromEntries(NATS_USERS.map((user) => [user, `p-${user}`])) as Record<NatsUser, NatsPassword>;

/** The lines of one user's block, from its `user:` line to the closing brace at its depth. */
function blockOf(config: string, user: string): string[] {
  const lines = config.split('\n');
  const start = lines.findIndex((line) => line.trim() === `user: "${user}"`);
  const end = lines.findIndex((line, index) => index > start && line === '    }');
  return lines.slice(start, end).map((line) => line.trim());
}

describe('the nats-server authorization block', () => {
  it('reads each password of a deployment from its own environment variable', () => {
    const config = natsServerAuthorizationConfig(natsPasswordsFromEnvironment());
    expect(natsPasswordVariable('case-tracking')).toBe('NATS_CASE_TRACKING_PASSWORD');
    for (const user of NATS_USERS) expect(blockOf(config, user)).toContain(`password: $${natsPasswordVariable(user)}`);
    expect(config).not.toMatch(/password: "/);
  });

  it("writes each user's allow and deny lists, quoted so that $JS subjects are not read as variables", () => {
    const block = blockOf(natsServerAuthorizationConfig(literalPasswords()), 'intake');
    const intake = BLUEHELM_NATS_PERMISSIONS.intake;
    expect(block).toEqual(
      expect.arrayContaining([
        'password: "p-intake"',
        'publish {',
        'allow: [',
        'deny: [',
        'subscribe {',
        'allow_responses: true',
        ...intake.publish.allow.map((subject) => `"${subject}"`),
        ...intake.publish.deny.map((subject) => `"${subject}"`),
        ...intake.subscribe.allow.map((subject) => `"${subject}"`),
      ]),
    );
    expect(block).toContain('"$JS.API.STREAM.CREATE.BLUEHELM_EVENTS"');
    expect(blockOf(natsServerAuthorizationConfig(literalPasswords()), 'mission-system')).toContain('allow_responses: false');
  });

  it('adds unrestricted users without a permissions block', () => {
    const config = natsServerAuthorizationConfig(literalPasswords(), { unrestrictedUsers: { admin: 'p-admin' } });
    expect(blockOf(config, 'admin')).toEqual(['user: "admin"', 'password: "p-admin"']);
  });

  it('refuses a missing password, and passwords or variable names the format could not carry', () => {
    const { intake: _missing, ...withoutIntake } = literalPasswords();
    expect(() => natsServerAuthorizationConfig(withoutIntake as Record<NatsUser, NatsPassword>)).toThrow(InvalidNatsCredentialError);
    // The message names the user, never the password.
    expect(() => natsServerAuthorizationConfig({ ...literalPasswords(), intake: 'has "secret"' })).toThrow(
      /^NATS user "intake": the password must be printable ASCII without blanks, quotes or backslashes$/,
    );
    expect(() => natsServerAuthorizationConfig({ ...literalPasswords(), intake: '' })).toThrow(InvalidNatsCredentialError);
    expect(() => natsServerAuthorizationConfig({ ...literalPasswords(), intake: { fromEnvironment: 'NOT-A-NAME' } })).toThrow(InvalidNatsCredentialError);
    expect(() => natsServerAuthorizationConfig(literalPasswords(), { unrestrictedUsers: { gateway: 'p' } })).toThrow(/cannot be unrestricted/);
  });
});

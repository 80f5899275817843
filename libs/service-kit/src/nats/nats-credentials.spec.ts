import { describe, expect, it } from '@jest/globals';
import { natsCredentialsOf } from './nats-credentials.js';

describe('the NATS credentials of a service', () => {
  it('are its NATS_USER and NATS_PASSWORD, as the NATS clients name them', () => {
    expect(natsCredentialsOf({ NATS_USER: 'intake', NATS_PASSWORD: 'p123' })).toEqual({ user: 'intake', pass: 'p123' });
  });

  it('are none without NATS_USER, so that a server without users is still reached', () => {
    expect(natsCredentialsOf({})).toEqual({});
    expect(natsCredentialsOf({ NATS_PASSWORD: 'p123' })).toEqual({});
  });
});

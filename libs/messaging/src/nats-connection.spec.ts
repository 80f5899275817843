import { describe, expect, it } from '@jest/globals';
import { NatsUnreachableError } from './errors.js';
import { connectNats, parseNatsServers } from './nats-connection.js';

const NATS_URL = process.env['NATS_URL'] ?? 'nats://127.0.0.1:4222';
// Port 1 on the loopback interface: nothing listens there, so connecting is refused at once.
const DEAD_SERVER = 'nats://127.0.0.1:1';

async function failureOf(attempt: Promise<unknown>): Promise<Error> {
  try {
    await attempt;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the connection to fail');
}

describe('connectNats', () => {
  it('reads a comma-separated server list', () => {
    expect(parseNatsServers(' nats://a:4222, nats://b:4222 ,,nats://c:4222')).toEqual([
      'nats://a:4222',
      'nats://b:4222',
      'nats://c:4222',
    ]);
  });

  it('connects through a list whose first server is down', async () => {
    const nc = await connectNats({ url: `${DEAD_SERVER},${NATS_URL}`, name: 'messaging-connection-test' });
    try {
      expect(nc.getServer()).toBe(new URL(NATS_URL).host);
      await nc.flush();
    } finally {
      await nc.close();
    }
  });

  it('fails with a one-line NatsUnreachableError naming the URL when no server answers', async () => {
    const error = await failureOf(
      connectNats({ url: DEAD_SERVER, name: 'messaging-connection-test', connectTimeoutMs: 1000 }),
    );
    expect(error).toBeInstanceOf(NatsUnreachableError);
    expect(error.message).toContain(DEAD_SERVER);
    expect(error.message).not.toContain('\n');
  });

  it('hides a password given in the URL', async () => {
    const error = await failureOf(connectNats({ url: 'nats://relay:s3cret@127.0.0.1:1', name: 'messaging-connection-test' }));
    expect(error.message).toContain('nats://relay:***@127.0.0.1:1');
    expect(error.message).not.toContain('s3cret');
  });
});

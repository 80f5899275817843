// Probes of what a nats-server lets a connection do: refusals it reports, messages that arrive.
import { expect } from '@jest/globals';
import { headers, PermissionViolationError, type Msg, type MsgHdrs, type NatsConnection } from '@nats-io/transport-node';

/** A connection of one user, with every permission violation the server reported to it. */
export interface UserConnection {
  readonly nc: NatsConnection;
  readonly violations: PermissionViolationError[];
}

/** Collects the permission violations the server reports to the connection, as they come. */
export function recordViolations(nc: NatsConnection): PermissionViolationError[] {
  const violations: PermissionViolationError[] = [];
  void (async () => {
    for await (const status of nc.status()) {
      if (status.type === 'error' && status.error instanceof PermissionViolationError) violations.push(status.error);
    }
  })();
  return violations;
}

/** The first defined answer of `probe`, asked every 100 ms for up to `timeoutMs`. */
export async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`no answer within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Waits until `condition` holds, checking every 20 ms. */
export async function until(condition: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Resolves with the rejection of `work`, failing the test if it succeeds. */
export async function refusal(work: Promise<unknown>): Promise<unknown> {
  return work.then(
    (value) => {
      throw new Error(`expected a refusal, got ${JSON.stringify(value)}`);
    },
    (error: unknown) => error,
  );
}

/** The server's refusal behind a failed call: a request fails with it as its cause. */
export function violationIn(error: unknown): PermissionViolationError | undefined {
  if (error instanceof PermissionViolationError) return error;
  return error instanceof Error && error.cause instanceof PermissionViolationError ? error.cause : undefined;
}

/** Shows that `work` failed because the server refused to let it publish on `subject`. */
export async function expectRefused(work: Promise<unknown>, subject: string | RegExp): Promise<void> {
  expect(violationIn(await refusal(work))).toMatchObject({ operation: 'publish', subject });
}

/** Messages a subscription has received so far; `settled()` makes sure everything sent before it has arrived. */
export async function listen(connection: NatsConnection, subject: string): Promise<{ received: Msg[]; settled(): Promise<void> }> {
  const received: Msg[] = [];
  connection.subscribe(subject, {
    callback: (_error, message) => {
      received.push(message);
    },
  });
  await connection.flush();
  return { received, settled: () => connection.flush() };
}

/** NATS message headers from plain name/value pairs. */
export function natsHeaders(values: Record<string, string>): MsgHdrs {
  const result = headers();
  for (const [name, value] of Object.entries(values)) result.set(name, value);
  return result;
}

/** Base of every failure the messaging library reports on purpose. */
export abstract class MessagingError extends Error {
  override readonly name: string = this.constructor.name;
}

/**
 * No server of the configured NATS list answered the first connection attempt.
 * The message is one line naming the servers, so a process can print it and exit.
 */
export class NatsUnreachableError extends MessagingError {
  constructor(
    readonly servers: readonly string[],
    reason: string,
  ) {
    super(`NATS is unreachable at ${servers.join(',')}: ${oneLine(reason)}`);
  }
}

/** A request over NATS that got no reply in time (no responder, or a responder too slow). */
export class NatsRequestTimeoutError extends MessagingError {
  constructor(
    readonly subject: string,
    readonly timeoutMs: number,
  ) {
    super(`no reply on NATS subject ${subject} within ${timeoutMs} ms`);
  }
}

/** A message on an integration-event subject that is not an integration event. */
export class MalformedIntegrationEventError extends MessagingError {
  constructor(
    readonly field: string,
    readonly problem: string,
  ) {
    super(`malformed integration event: ${field} ${problem}`);
  }
}

/** A name or subject part that NATS cannot carry (JetStream names, durable names, prefixes). */
export class InvalidMessagingNameError extends MessagingError {
  constructor(
    readonly what: string,
    readonly value: string,
    problem: string,
  ) {
    super(`${what} "${value}" ${problem}`);
  }
}

/** `start()` on a relay or consumer that is already running. */
export class AlreadyStartedError extends MessagingError {
  constructor(readonly component: string) {
    super(`${component} is already started`);
  }
}

/** This process no longer holds a leader lease (it expired, or another holder took the key). */
export class LeaseLostError extends MessagingError {
  constructor(
    readonly key: string,
    readonly holder: string,
    reason: string,
  ) {
    super(`${holder} lost the lease ${key}: ${reason}`);
  }
}

/**
 * The lease bucket exists with another key lifetime than this process's lease duration. The
 * bucket's lifetime is the lease duration for every holder, so they must agree.
 */
export class LeaseBucketMismatchError extends MessagingError {
  constructor(
    readonly bucket: string,
    readonly bucketTtlMs: number,
    readonly leaseDurationMs: number,
  ) {
    super(
      `the lease bucket ${bucket} keeps keys for ${bucketTtlMs} ms but this lease lasts ${leaseDurationMs} ms: ` +
        'give every holder the same lease duration, or use another bucket',
    );
  }
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

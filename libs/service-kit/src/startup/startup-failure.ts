/** sysexits.h codes, so that a supervisor can tell a bad setting from a missing dependency. */
export const EXIT_CONFIG = 78;
export const EXIT_UNAVAILABLE = 69;
export const EXIT_SOFTWARE = 1;

/**
 * A reason a service cannot start that the operator can fix: reported as one line on stderr,
 * without a stack trace, and the process exits with `exitCode`.
 */
export abstract class StartupFailure extends Error {
  abstract readonly exitCode: number;
}

export class NatsUnreachableError extends StartupFailure {
  override readonly name = 'NatsUnreachableError';
  readonly exitCode = EXIT_UNAVAILABLE;
  constructor(
    readonly servers: readonly string[],
    reason: string,
  ) {
    super(`cannot reach NATS at ${servers.join(',')} (${reason})`);
  }
}

/** NATS answered but refused the service's NATS_USER and NATS_PASSWORD (or their absence). */
export class NatsCredentialsRefusedError extends StartupFailure {
  override readonly name = 'NatsCredentialsRefusedError';
  readonly exitCode = EXIT_CONFIG;
  constructor(
    readonly servers: readonly string[],
    readonly user: string | undefined,
  ) {
    super(
      user === undefined
        ? `NATS at ${servers.join(',')} requires a user: set NATS_USER and NATS_PASSWORD`
        : `NATS at ${servers.join(',')} refused the user "${user}": check NATS_USER and NATS_PASSWORD`,
    );
  }
}

export class EventStoreUnavailableError extends StartupFailure {
  override readonly name = 'EventStoreUnavailableError';
  readonly exitCode = EXIT_UNAVAILABLE;
  constructor(redactedUrl: string, reason: string) {
    super(`cannot open the event store at ${redactedUrl} (${reason})`);
  }
}

export class PortUnavailableError extends StartupFailure {
  override readonly name = 'PortUnavailableError';
  readonly exitCode = EXIT_UNAVAILABLE;
  constructor(port: number, reason: string) {
    super(`cannot listen on port ${port} (${reason})`);
  }
}

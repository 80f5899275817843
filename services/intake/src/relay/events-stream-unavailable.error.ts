import { EXIT_UNAVAILABLE, StartupFailure } from '@bluehelm/service-kit';

/** JetStream refused the events stream (not enabled, no permission): one line, and exit 69. */
export class EventsStreamUnavailableError extends StartupFailure {
  override readonly name = 'EventsStreamUnavailableError';
  readonly exitCode = EXIT_UNAVAILABLE;

  constructor(stream: string, reason: string) {
    super(`cannot set up the JetStream stream ${stream} for the incident relay (${reason})`);
  }
}

/**
 * A request's bearer token does not identify anyone: answer 401. `reason` is short, meant for the
 * caller and the log, and never repeats the token (a log line must not become a credential).
 */
export class InvalidTokenError extends Error {
  override readonly name = 'InvalidTokenError';

  constructor(readonly reason: string) {
    super(`invalid bearer token: ${reason}`);
  }
}

/**
 * The token could not be checked at all, most often because the identity provider's keys (JWKS)
 * could not be fetched: answer 503, the caller's token may well be fine.
 */
export class VerificationUnavailableError extends Error {
  override readonly name = 'VerificationUnavailableError';

  constructor(cause: unknown) {
    super(`bearer tokens cannot be verified now: ${messageOf(cause)}`, { cause });
  }
}

/** The AUTH_* settings do not describe a usable way to verify tokens; the service must not start. */
export class AuthSettingsError extends Error {
  override readonly name = 'AuthSettingsError';
}

/** The development key file exists but does not hold what ensureDevelopmentKey writes. */
export class DevelopmentKeyFileError extends Error {
  override readonly name = 'DevelopmentKeyFileError';

  constructor(readonly path: string, problem: string) {
    super(`${path}: ${problem}; delete the file to have a new development key made`);
  }
}

function messageOf(cause: unknown): string {
  const message = typeof cause === 'object' && cause !== null ? (cause as { message?: unknown }).message : undefined;
  return typeof message === 'string' ? message : String(cause);
}

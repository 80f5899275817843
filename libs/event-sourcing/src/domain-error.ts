/**
 * Base of every rule a decider enforces: each service declares one subclass per failure
 * (`CaseClosedError`), so that transports can map them by class or by `code` without parsing
 * messages.
 */
export abstract class DomainError extends Error {
  /** Machine-readable and stable: it reaches clients in problem+json and RPC errors. */
  abstract readonly code: string;

  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}

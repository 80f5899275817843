/** Thrown when code, not a client, pins a "today" that is not a `YYYY-MM-DD` calendar date. */
export class InvalidTodayError extends Error {
  constructor(readonly today: string) {
    super(`The pinned today "${today}" is not a YYYY-MM-DD calendar date`);
    this.name = 'InvalidTodayError';
  }
}

/** Thrown when a pinned today is given to a validation that returns a promise. */
export class AsynchronousValidationError extends Error {
  constructor() {
    super('A pinned today only holds for a synchronous validation; use validateSync');
    this.name = 'AsynchronousValidationError';
  }
}

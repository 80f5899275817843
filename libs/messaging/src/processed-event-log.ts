/**
 * The ids of the integration events a consumer has fully handled, so that a redelivered event
 * is acknowledged without being handled twice. A service whose handler writes to a database
 * implements this in the same database (ideally recording the id in the handler's transaction).
 */
export interface ProcessedEventLog {
  has(eventId: string): Promise<boolean>;
  record(eventId: string): Promise<void>;
}

/**
 * A ProcessedEventLog in process memory, for tests and for handlers whose effects are lost on
 * restart anyway. It keeps the latest `capacity` ids (default 100 000): an id older than that
 * would be handled again.
 */
export class InMemoryProcessedEventLog implements ProcessedEventLog {
  // A Set iterates in insertion order, so its first element is the oldest id.
  private readonly ids = new Set<string>();

  constructor(private readonly capacity = 100_000) {}

  async has(eventId: string): Promise<boolean> {
    return this.ids.has(eventId);
  }

  async record(eventId: string): Promise<void> {
    this.ids.add(eventId);
    if (this.ids.size > this.capacity) {
      const oldest = this.ids.values().next();
      if (!oldest.done) this.ids.delete(oldest.value);
    }
  }

  get size(): number {
    return this.ids.size;
  }
}

/** A source of new work that the kit does not know about, and how to stop taking from it. */
export interface WorkSource {
  readonly name: string;
  /** Ends interest in new work; work already taken is tracked with InFlightWork and finishes. */
  stopTakingWork(): Promise<void>;
}

export interface WorkSourceFailure {
  readonly name: string;
  readonly error: unknown;
}

/**
 * The sources of new work a service adds beside HTTP and the NestJS NATS transport (a raw NATS
 * subscription, a JetStream consumer). Shutdown stops them in its first step together with the
 * kit's own, so that the wait for in-flight work is not fed by new messages. Nest's own shutdown
 * hooks come too late for this: they run only after that wait.
 */
export class WorkSources {
  private readonly sources = new Map<string, WorkSource>();

  /** Registers a source; a later registration under the same name replaces the earlier one. */
  register(source: WorkSource): void {
    this.sources.set(source.name, source);
  }

  /** Stops every source, each once; answers those that failed rather than throwing. */
  async stopTakingWork(): Promise<WorkSourceFailure[]> {
    const sources = [...this.sources.values()];
    this.sources.clear();
    const outcomes = await Promise.all(
      sources.map((source) =>
        Promise.resolve().then(() => source.stopTakingWork()).then(
          () => undefined,
          (error: unknown): WorkSourceFailure => ({ name: source.name, error }),
        ),
      ),
    );
    return outcomes.filter((outcome) => outcome !== undefined);
  }
}

import type { EventStore, RecordedEvent } from '@bluehelm/event-store';
import { EVENT_STORE, InFlightWork, WorkSources } from '@bluehelm/service-kit';
import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { accountabilityFactsProjection } from '../accountability/accountability-facts.projection.js';
import { AccountabilityIndex } from '../accountability/accountability-index.js';
import { changedIndicatorsOf } from '../indicators/changed-indicators.js';
import { IndicatorPublisher } from '../indicators/indicator-publisher.js';
import { ALL_READ_MODELS } from '../projection/analytics-read-models.js';
import type { BatchPlan } from '../projection/batch.plan.js';
import { headPositionOf } from '../projection/log-head.js';
import { ANALYTICS_EVENT_FILTER, Projector } from '../projection/projector.js';
import { READ_MODEL_DATABASE, type ReadModelDatabase } from '../read-model/read-model-database.js';

export const PROJECTOR_WORK_SOURCE = 'analytics-projector';

/**
 * Keeps the read models and the in-memory accountability facts up to date with the event log
 * while the service runs. Start-up returns once everything written before it is applied, so a
 * ready service answers with the whole log.
 */
@Injectable()
export class LiveReadModels implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(LiveReadModels.name);
  private readonly projector: Projector;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_DATABASE) database: ReadModelDatabase,
    private readonly index: AccountabilityIndex,
    private readonly indicators: IndicatorPublisher,
    private readonly workSources: WorkSources,
    inFlight: InFlightWork,
  ) {
    this.projector = new Projector({
      store,
      database,
      readModels: ALL_READ_MODELS,
      runBatch: (work) => inFlight.run(work),
      onBatch: (events, plan) => this.afterBatch(events, plan),
      onError: (error) => this.logger.warn(`projection failed, retrying: ${error instanceof Error ? error.message : String(error)}`),
    });
  }

  /** The last position each read model has applied. */
  positions(): ReadonlyMap<string, number> {
    return this.projector.projectionPositions();
  }

  get position(): number {
    return this.projector.position;
  }

  async onApplicationBootstrap(): Promise<void> {
    const head = await headPositionOf(this.store, ANALYTICS_EVENT_FILTER);
    await this.projector.start();
    this.workSources.register({ name: PROJECTOR_WORK_SOURCE, stopTakingWork: () => this.projector.stop() });
    await this.projector.whenReached(head);
    this.logger.log(`read models follow the event log from position ${this.projector.position}`);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.projector.stop();
  }

  private afterBatch(events: readonly RecordedEvent[], plan: BatchPlan): void {
    for (const event of events) {
      if (event.position <= this.index.lastPosition) continue;
      for (const fact of accountabilityFactsProjection.rowsOf(event)) this.index.add(fact);
    }
    const last = events.at(-1);
    if (last) this.index.advanceTo(last.position);
    this.indicators.changed(changedIndicatorsOf(plan.outcomes), this.projector.position);
  }
}

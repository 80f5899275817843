import {
  ANALYTICS_INDICATORS_CHANGED_SUBJECT,
  type IndicatorChanged,
  type IndicatorName,
} from '@bluehelm/contracts';
import { Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import { AccountabilityIndex } from '../accountability/accountability-index.js';
import { accountabilityTotals } from '../accountability/accountability.totals.js';
import { FatalitiesReader } from '../fatalities/fatalities.reader.js';
import { IedDetectionReader } from '../ied-detection/ied-detection.reader.js';
import { AnalyticsNatsConnection } from './analytics-nats.connection.js';

/** At most one message per indicator in this interval: a replay of history is not a flood. */
const PUBLISH_INTERVAL_MS = 250;

/**
 * Publishes an IndicatorChanged (plain JSON) on `bluehelm.analytics.indicators.changed` for each
 * indicator the projector changed, with its new totals. Changes within one interval are merged.
 */
@Injectable()
export class IndicatorPublisher implements BeforeApplicationShutdown {
  private readonly logger = new Logger(IndicatorPublisher.name);
  private readonly pending = new Set<IndicatorName>();
  private position = -1;
  private timer: NodeJS.Timeout | undefined;
  private publishing: Promise<void> = Promise.resolve();

  constructor(
    private readonly nats: AnalyticsNatsConnection,
    private readonly fatalities: FatalitiesReader,
    private readonly iedDetection: IedDetectionReader,
    private readonly accountability: AccountabilityIndex,
  ) {}

  /** Notes that `indicators` changed with the events up to `position`. */
  changed(indicators: readonly IndicatorName[], position: number): void {
    if (indicators.length === 0) return;
    for (const indicator of indicators) this.pending.add(indicator);
    this.position = Math.max(this.position, position);
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      this.publishing = this.publishing.then(() => this.publishPending());
    }, PUBLISH_INTERVAL_MS);
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.publishing.then(() => this.publishPending());
  }

  private async publishPending(): Promise<void> {
    const indicators = [...this.pending];
    this.pending.clear();
    for (const indicator of indicators) {
      try {
        const message = await this.messageFor(indicator, this.position);
        this.nats.connection.publish(ANALYTICS_INDICATORS_CHANGED_SUBJECT, JSON.stringify(message));
      } catch (error) {
        this.logger.warn(`could not publish the change of ${indicator}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }

  private async messageFor(indicator: IndicatorName, position: number): Promise<IndicatorChanged> {
    switch (indicator) {
      case 'fatalities':
        return { indicator, position, totals: { total: await this.fatalities.total() } };
      case 'ied-detection': {
        const { ieds, detectedBeforeDetonation, rate } = await this.iedDetection.figures({});
        return { indicator, position, totals: { ieds, detectedBeforeDetonation, rate } };
      }
      case 'accountability':
        return { indicator, position, totals: accountabilityTotals(this.accountability.cases()) };
      default: {
        const unknown: never = indicator;
        throw new Error(`unknown indicator ${String(unknown)}`);
      }
    }
  }
}

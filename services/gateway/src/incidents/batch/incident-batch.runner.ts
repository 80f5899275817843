import { SERVICE_CONFIG } from '@bluehelm/service-kit';
import { Inject, Injectable } from '@nestjs/common';
import type { GatewayConfig } from '../../config/gateway-config.js';
import type { BatchAnswer } from './batch-answer.writer.js';
import type { BatchEntry } from './batch-entry.js';
import { BatchLineHandler } from './batch-line.handler.js';
import { BatchTally } from './batch-tally.js';
import { inInputOrder, startingWith } from './in-input-order.js';

/**
 * Answers a batch as it streams: the first report is read before the answer begins (so that an
 * unreadable body is still a problem answer), then each report is checked and sent with at most
 * BATCH_IN_FLIGHT waiting for intake, and answered in input order.
 */
@Injectable()
export class IncidentBatchRunner {
  constructor(
    private readonly lines: BatchLineHandler,
    @Inject(SERVICE_CONFIG) private readonly config: GatewayConfig,
  ) {}

  async run(entries: AsyncIterable<BatchEntry>, answer: BatchAnswer): Promise<void> {
    const reading = entries[Symbol.asyncIterator]();
    const first = await reading.next();
    answer.begin();
    const tally = new BatchTally();
    const results = inInputOrder(
      startingWith(first, reading),
      (entry) => this.lines.handle(entry),
      this.config.BATCH_IN_FLIGHT,
    );
    for await (const result of results) {
      tally.count(result);
      await answer.result(result);
      if (tally.counts.lines % this.config.BATCH_PROGRESS_EVERY === 0) await answer.progress(tally.counts);
    }
    await answer.finish(tally.counts);
  }
}

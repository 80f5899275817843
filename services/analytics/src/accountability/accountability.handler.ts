import {
  AccountabilityQuery,
  ANALYTICS_SUBJECTS,
  validateRequest,
  type AccountabilityCsvReply,
  type AccountabilityReport,
  type Problem,
} from '@bluehelm/contracts';
import { AllowedRoles } from '@bluehelm/service-kit';
import { Controller, Inject, Logger } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { CLOCK, type Clock } from '../clock/clock.js';
import { replyTo } from '../replies/query-reply.js';
import { accountabilityCsv } from './accountability.csv.js';
import { accountabilityReport } from './accountability.report.js';
import { AccountabilityIndex } from './accountability-index.js';
import { STALL_DAYS } from './stall-days.token.js';
import { resolveReportClocks } from './report-clocks.js';

/**
 * `GET /v1/reports/accountability`: the query string's fields as plain JSON. Answers the report
 * for `format=json` (default), `{ contentType, filename, body }` for `format=csv`.
 */
@Controller()
export class AccountabilityHandler {
  private readonly logger = new Logger(AccountabilityHandler.name);

  constructor(
    private readonly index: AccountabilityIndex,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(STALL_DAYS) private readonly stallDays: number,
  ) {}

  @MessagePattern(ANALYTICS_SUBJECTS.accountability)
  @AllowedRoles('analyst', 'auditor', 'member-state')
  accountability(@Payload() message: unknown): Promise<AccountabilityReport | AccountabilityCsvReply | Problem> {
    return replyTo(this.logger, ANALYTICS_SUBJECTS.accountability, async () => {
      const query = validateRequest(AccountabilityQuery, message ?? {});
      if (!query.ok) return query.problem;
      const { asOf, knownAt, hostState, mission, format } = query.value;
      const clocks = resolveReportClocks({ asOf, knownAt }, this.clock.now());
      const report = accountabilityReport(this.index.cases(), {
        ...clocks,
        ...(hostState === undefined ? {} : { hostState }),
        ...(mission === undefined ? {} : { mission }),
        stallDays: this.stallDays,
      });
      return format === 'csv' ? accountabilityCsv(report) : report;
    });
  }
}

import type { ServerResponse } from 'node:http';
import { AccountabilityQuery } from '@bluehelm/contracts';
import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiContractQuery, ApiJsonOrCsvReply, ApiProblems } from '../docs/api-docs.decorators.js';
import { ContractValidationPipe } from '../requests/contract-validation.pipe.js';
import { AnalyticsClient } from '../upstream/analytics.client.js';
import { accountabilityAnswerOf } from './accountability-answer.js';
import { reportFormatForAccept } from './report-format.negotiation.js';

/** `GET /v1/reports/accountability`: the report as analytics builds it, JSON or CSV, byte for byte. */
@ApiTags('reports')
@Controller('v1/reports')
export class AccountabilityReportController {
  constructor(private readonly analytics: AnalyticsClient) {}

  @Get('accountability')
  @ApiOperation({
    summary: 'Accountability report per host state, by two clocks',
    description:
      '`asOf` (a day) cuts by dates in the world; `knownAt` (a day, meaning its end in UTC, or a date-time with its ' +
      'zone) by when facts were recorded. Both default to now and are answered as resolved: sending them back gives ' +
      'the same bytes. `format` (json or csv) wins over `Accept`; without it, `Accept: text/csv` gives CSV.',
  })
  @ApiContractQuery('AccountabilityQuery')
  @ApiHeader({ name: 'Accept', required: false, description: '`text/csv` for CSV when `format` is not given' })
  @ApiJsonOrCsvReply('The report', 'AccountabilityReport')
  @ApiProblems(422)
  async accountability(
    @Query(new ContractValidationPipe(AccountabilityQuery)) query: AccountabilityQuery,
    @Headers('accept') accept: string | undefined,
    @Res() response: ServerResponse,
  ): Promise<void> {
    const format = query.format ?? reportFormatForAccept(accept);
    const answer = accountabilityAnswerOf(await this.analytics.accountability({ ...query, format }), format);
    response.statusCode = 200;
    response.setHeader('Content-Type', answer.contentType);
    response.setHeader('Vary', 'Accept');
    if (answer.filename !== undefined) response.setHeader('Content-Disposition', `attachment; filename="${answer.filename}"`);
    response.end(answer.body);
  }
}

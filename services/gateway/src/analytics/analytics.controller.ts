import { FatalitiesQuery, IedDetectionQuery } from '@bluehelm/contracts';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiContractQuery, ApiJsonReply, ApiProblems } from '../docs/api-docs.decorators.js';
import { ContractValidationPipe } from '../requests/contract-validation.pipe.js';
import { AnalyticsClient } from '../upstream/analytics.client.js';

/** Indicators: analytics' views, passed through unchanged. */
@ApiTags('analytics')
@Controller('v1/analytics')
export class AnalyticsController {
  constructor(private readonly analytics: AnalyticsClient) {}

  @Get('fatalities')
  @ApiOperation({
    summary: 'Fatalities: casualties killed, counted on the date of their incident',
    description:
      '`from` and `to` (YYYY, YYYY-MM or YYYY-MM-DD) are the first and last periods of the range, both included; ' +
      'an incident dated only to a month or a year counts when that whole month or year lies inside the range. ' +
      'Groups are sorted by count (highest first), then by key.',
  })
  @ApiContractQuery('FatalitiesQuery')
  @ApiJsonReply(200, 'The total, and one group per key when groupBy is given', 'FatalitiesView')
  @ApiProblems(422)
  fatalities(@Query(new ContractValidationPipe(FatalitiesQuery)) query: FatalitiesQuery): Promise<Record<string, unknown>> {
    return this.analytics.fatalities(query);
  }

  @Get('ied-detection')
  @ApiOperation({ summary: 'IEDs detected before detonation, over all IED incidents' })
  @ApiContractQuery('IedDetectionQuery')
  @ApiJsonReply(200, 'The totals and rate, and one group per year when groupBy=year', 'IedDetectionView')
  @ApiProblems(422)
  iedDetection(@Query(new ContractValidationPipe(IedDetectionQuery)) query: IedDetectionQuery): Promise<Record<string, unknown>> {
    return this.analytics.iedDetection(query);
  }
}

import { AccessTrailQuery } from '@bluehelm/contracts';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiContractQuery, ApiJsonReply, ApiProblems } from '../docs/api-docs.decorators.js';
import { ContractValidationPipe } from '../requests/contract-validation.pipe.js';
import { AnalyticsClient } from '../upstream/analytics.client.js';

/** The access trail (auditors): every write and every read of personal data, as analytics holds it. */
@ApiTags('audit')
@Controller('v1/audit')
export class AccessTrailController {
  constructor(private readonly analytics: AnalyticsClient) {}

  @Get('access')
  @ApiOperation({
    summary: 'Who wrote what, and who read personal data, when and why',
    description:
      'Oldest first; `next` is the cursor (`after`) of the following page. Writes are the events of the log under the ' +
      'subject of the token that made them; reads are recorded before any personal data is shown.',
  })
  @ApiContractQuery('AccessTrailQuery')
  @ApiJsonReply(200, 'One page of the access trail', 'AccessTrailPage')
  @ApiProblems(422)
  accessTrail(@Query(new ContractValidationPipe(AccessTrailQuery)) query: AccessTrailQuery): Promise<Record<string, unknown>> {
    return this.analytics.accessTrail(query);
  }
}

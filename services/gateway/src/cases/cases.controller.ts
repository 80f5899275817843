import type { ServerResponse } from 'node:http';
import { AsOfQuery, CaseListQuery } from '@bluehelm/contracts';
import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiContractQuery, ApiJsonReply, ApiProblems, ApiUuidParam } from '../docs/api-docs.decorators.js';
import { ContractValidationPipe } from '../requests/contract-validation.pipe.js';
import { etagOf } from '../requests/revision-header.js';
import { UuidParamPipe } from '../requests/uuid-param.pipe.js';
import { CaseTrackingClient } from '../upstream/case-tracking.client.js';

/** Case queries: case-tracking's views, passed through unchanged. */
@ApiTags('cases')
@Controller('v1/cases')
export class CasesController {
  constructor(private readonly cases: CaseTrackingClient) {}

  @Get()
  @ApiOperation({ summary: 'Cases that match, one page, oldest opening first' })
  @ApiContractQuery('CaseListQuery')
  @ApiJsonReply(200, 'One page of cases', 'CaseList')
  @ApiProblems(422)
  list(@Query(new ContractValidationPipe(CaseListQuery)) query: CaseListQuery): Promise<Record<string, unknown>> {
    return this.cases.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A case, now or as it stood at the end of a day in the world' })
  @ApiUuidParam('id', 'The case id')
  @ApiContractQuery('AsOfQuery')
  @ApiJsonReply(200, 'The case', 'CaseView', { ETag: "The case's revision, for If-Match" })
  @ApiProblems(400, 404, 422)
  async getCase(
    @Param('id', UuidParamPipe) caseId: string,
    @Query(new ContractValidationPipe(AsOfQuery)) query: AsOfQuery,
    @Res({ passthrough: true }) response: ServerResponse,
  ): Promise<Record<string, unknown>> {
    const view = await this.cases.getCase({ caseId, ...(query.asOf !== undefined && { asOf: query.asOf }) });
    response.setHeader('ETag', etagOf(view.revision));
    return view;
  }

  @Get(':id/history')
  @ApiOperation({ summary: 'Every event of the case with its hash, oldest first' })
  @ApiUuidParam('id', 'The case id')
  @ApiJsonReply(200, 'The history', 'CaseHistory')
  @ApiProblems(400, 404)
  history(@Param('id', UuidParamPipe) caseId: string): Promise<Record<string, unknown>> {
    return this.cases.history({ caseId });
  }

  @Get(':id/verify')
  @ApiOperation({ summary: "Whether the case's hash chain is intact" })
  @ApiUuidParam('id', 'The case id')
  @ApiJsonReply(200, 'The verification', 'CaseVerification')
  @ApiProblems(400, 404)
  verify(@Param('id', UuidParamPipe) caseId: string): Promise<Record<string, unknown>> {
    return this.cases.verify({ caseId });
  }
}

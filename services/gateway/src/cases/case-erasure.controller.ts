import { ErasePersonalDataRequest, type ErasePersonalDataReply } from '@bluehelm/contracts';
import { Body, Controller, HttpCode, Param, Post, UseInterceptors } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiContractBody, ApiJsonReply, ApiProblems, ApiUuidParam } from '../docs/api-docs.decorators.js';
import { JsonBodyInterceptor } from '../http-edge/json-body.interceptor.js';
import { ContractValidationPipe } from '../requests/contract-validation.pipe.js';
import { RequestedBy, type Requester } from '../requests/requester.js';
import { UuidParamPipe } from '../requests/uuid-param.pipe.js';
import { CaseTrackingClient } from '../upstream/case-tracking.client.js';

/** Erasure of a case's personal data (admin): its data keys are destroyed, the history says so. */
@ApiTags('cases')
@Controller('v1/cases')
export class CaseErasureController {
  constructor(private readonly cases: CaseTrackingClient) {}

  @Post(':id/erase-personal-data')
  @HttpCode(200)
  @UseInterceptors(JsonBodyInterceptor)
  @ApiOperation({
    summary: "Destroy the case's data keys: its names can no longer be read by anyone",
    description: 'The hash chain still verifies and every report stays the same: only the sealed personal fields become unreadable.',
  })
  @ApiUuidParam('id', 'The case id')
  @ApiContractBody('ErasePersonalDataRequest')
  @ApiJsonReply(200, "The erasure was done and recorded: the case's new revision", 'ErasePersonalDataReply')
  @ApiProblems(400, 401, 403, 404, 413, 415, 422)
  erase(
    @Param('id', UuidParamPipe) caseId: string,
    @Body(new ContractValidationPipe(ErasePersonalDataRequest)) body: ErasePersonalDataRequest,
    @RequestedBy() requester: Requester,
  ): Promise<ErasePersonalDataReply> {
    return this.cases.erasePersonalData({ caseId, correlationId: requester.correlationId, body });
  }
}

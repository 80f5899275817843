import { ErasePersonalDataRequest, type EraseIncidentPersonalDataReply } from '@bluehelm/contracts';
import { Body, Controller, HttpCode, Param, Post, UseInterceptors } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiContractBody, ApiJsonReply, ApiProblems, ApiUuidParam } from '../docs/api-docs.decorators.js';
import { JsonBodyInterceptor } from '../http-edge/json-body.interceptor.js';
import { ContractValidationPipe } from '../requests/contract-validation.pipe.js';
import { RequestedBy, type Requester } from '../requests/requester.js';
import { UuidParamPipe } from '../requests/uuid-param.pipe.js';
import { IntakeClient } from '../upstream/intake.client.js';

/** Erasure of the names of an incident without a case (admin); one with a case is erased with it. */
@ApiTags('incidents')
@Controller('v1/incidents')
export class IncidentErasureController {
  constructor(private readonly intake: IntakeClient) {}

  @Post(':id/erase-personal-data')
  @HttpCode(200)
  @UseInterceptors(JsonBodyInterceptor)
  @ApiOperation({
    summary: "Destroy the data key of an incident without a case: its names can no longer be read by anyone",
    description:
      'For accidents, illnesses and other incidents that opened no case. An incident with a case answers 409 ' +
      '(`incident-has-case`): its names are erased with POST /v1/cases/{caseId}/erase-personal-data.',
  })
  @ApiUuidParam('id', 'The incident id')
  @ApiContractBody('ErasePersonalDataRequest')
  @ApiJsonReply(200, 'The erasure was done and recorded', 'EraseIncidentPersonalDataReply')
  @ApiProblems(400, 404, 409, 413, 415, 422)
  erase(
    @Param('id', UuidParamPipe) incidentId: string,
    @Body(new ContractValidationPipe(ErasePersonalDataRequest)) body: ErasePersonalDataRequest,
    @RequestedBy() requester: Requester,
  ): Promise<EraseIncidentPersonalDataReply> {
    return this.intake.erasePersonalData({ incidentId, correlationId: requester.correlationId, body });
  }
}

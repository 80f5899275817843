import type { ServerResponse } from 'node:http';
import {
  AccusedStepRequest,
  AddAccusedRequest,
  ClosureRequest,
  InvestigationRequest,
  LinkIncidentRequest,
  ReferralRequest,
  SupportActionRequest,
  type CaseStepMessage,
  type CaseStepReply,
} from '@bluehelm/contracts';
import { Body, Controller, Param, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiUuidParam } from '../docs/api-docs.decorators.js';
import { ContractValidationPipe } from '../requests/contract-validation.pipe.js';
import { RequestedBy, type Requester } from '../requests/requester.js';
import { etagOf, ExpectedRevision } from '../requests/revision-header.js';
import { UuidParamPipe } from '../requests/uuid-param.pipe.js';
import { CaseTrackingClient } from '../upstream/case-tracking.client.js';
import { CaseStep } from './case-step.decorator.js';

const CaseId = () => Param('id', UuidParamPipe);
const ValidBody = <T extends object>(requestClass: new () => T) => Body(new ContractValidationPipe(requestClass));

/** The steps of a case, each sent to case-tracking as a CaseStepMessage around its body. */
@ApiTags('cases')
@Controller('v1/cases')
export class CaseStepsController {
  constructor(private readonly cases: CaseTrackingClient) {}

  @CaseStep({ path: ':id/referral', request: 'ReferralRequest', summary: "Referral to the host state's justice system" })
  referral(
    @CaseId() caseId: string,
    @ValidBody(ReferralRequest) body: ReferralRequest,
    @ExpectedRevision() expectedRevision: number | undefined,
    @RequestedBy() requester: Requester,
    @Res({ passthrough: true }) response: ServerResponse,
  ): Promise<CaseStepReply> {
    return withEtag(response, this.cases.step('referral', stepMessage(caseId, body, expectedRevision, requester)));
  }

  @CaseStep({ path: ':id/investigation', request: 'InvestigationRequest', summary: 'An investigation was opened' })
  investigation(
    @CaseId() caseId: string,
    @ValidBody(InvestigationRequest) body: InvestigationRequest,
    @ExpectedRevision() expectedRevision: number | undefined,
    @RequestedBy() requester: Requester,
    @Res({ passthrough: true }) response: ServerResponse,
  ): Promise<CaseStepReply> {
    return withEtag(response, this.cases.step('investigation', stepMessage(caseId, body, expectedRevision, requester)));
  }

  @CaseStep({ path: ':id/accused', request: 'AddAccusedRequest', summary: 'A suspect was identified', status: 201 })
  addAccused(
    @CaseId() caseId: string,
    @ValidBody(AddAccusedRequest) body: AddAccusedRequest,
    @ExpectedRevision() expectedRevision: number | undefined,
    @RequestedBy() requester: Requester,
    @Res({ passthrough: true }) response: ServerResponse,
  ): Promise<CaseStepReply> {
    return withEtag(response, this.cases.addAccused(stepMessage(caseId, body, expectedRevision, requester)));
  }

  @CaseStep({ path: ':id/accused/:personId/steps', request: 'AccusedStepRequest', summary: 'A step in the proceedings against one accused' })
  @ApiUuidParam('personId', 'The accused person, as POST /accused answered')
  accusedStep(
    @CaseId() caseId: string,
    @Param('personId', UuidParamPipe) personId: string,
    @ValidBody(AccusedStepRequest) body: AccusedStepRequest,
    @ExpectedRevision() expectedRevision: number | undefined,
    @RequestedBy() requester: Requester,
    @Res({ passthrough: true }) response: ServerResponse,
  ): Promise<CaseStepReply> {
    return withEtag(response, this.cases.accusedStep({ ...stepMessage(caseId, body, expectedRevision, requester), personId }));
  }

  @CaseStep({ path: ':id/support', request: 'SupportActionRequest', summary: 'UN support given to the host state for the case' })
  support(
    @CaseId() caseId: string,
    @ValidBody(SupportActionRequest) body: SupportActionRequest,
    @ExpectedRevision() expectedRevision: number | undefined,
    @RequestedBy() requester: Requester,
    @Res({ passthrough: true }) response: ServerResponse,
  ): Promise<CaseStepReply> {
    return withEtag(response, this.cases.step('support', stepMessage(caseId, body, expectedRevision, requester)));
  }

  @CaseStep({ path: ':id/incidents', request: 'LinkIncidentRequest', summary: 'Another incident is tried in the same case' })
  linkIncident(
    @CaseId() caseId: string,
    @ValidBody(LinkIncidentRequest) body: LinkIncidentRequest,
    @ExpectedRevision() expectedRevision: number | undefined,
    @RequestedBy() requester: Requester,
    @Res({ passthrough: true }) response: ServerResponse,
  ): Promise<CaseStepReply> {
    return withEtag(response, this.cases.step('link-incident', stepMessage(caseId, body, expectedRevision, requester)));
  }

  @CaseStep({ path: ':id/closure', request: 'ClosureRequest', summary: 'The case was closed' })
  closure(
    @CaseId() caseId: string,
    @ValidBody(ClosureRequest) body: ClosureRequest,
    @ExpectedRevision() expectedRevision: number | undefined,
    @RequestedBy() requester: Requester,
    @Res({ passthrough: true }) response: ServerResponse,
  ): Promise<CaseStepReply> {
    return withEtag(response, this.cases.step('closure', stepMessage(caseId, body, expectedRevision, requester)));
  }
}

function stepMessage<B extends object>(
  caseId: string,
  body: B,
  expectedRevision: number | undefined,
  requester: Requester,
): CaseStepMessage<B> {
  return {
    caseId,
    ...(expectedRevision !== undefined && { expectedRevision }),
    actor: requester.actor,
    correlationId: requester.correlationId,
    body,
  };
}

async function withEtag<R extends CaseStepReply>(response: ServerResponse, reply: Promise<R>): Promise<R> {
  const answered = await reply;
  response.setHeader('ETag', etagOf(answered.revision));
  return answered;
}

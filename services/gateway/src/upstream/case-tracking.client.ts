import {
  CASE_TRACKING_SUBJECTS,
  type AccusedStepMessage,
  type AddAccusedReply,
  type CaseListQuery,
  type CaseStepMessage,
  type CaseStepReply,
  type CaseStreamMessage,
  type CaseTrackingCommand,
  type ErasePersonalDataMessage,
  type ErasePersonalDataReply,
  type GetCaseMessage,
} from '@bluehelm/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { isAddAccusedReply, isCaseStepReply, isErasePersonalDataReply, isJsonObject, isRevisionedView } from './reply-shapes.js';
import { requestPattern } from './service-reply.js';
import { SERVICES_CLIENT, type ServicesClient } from './services-client.provider.js';

const SERVICE = 'case-tracking';

type StepCommand = Exclude<CaseTrackingCommand, 'accused' | 'accused-step' | 'erase-personal-data'>;

/**
 * Requests to case-tracking through its NestJS message patterns. Case views pass through as the
 * service gives them. Failures arrive as ProblemExceptions (see replyOrProblem).
 */
@Injectable()
export class CaseTrackingClient {
  constructor(@Inject(SERVICES_CLIENT) private readonly client: ServicesClient) {}

  step(command: StepCommand, message: CaseStepMessage<object>): Promise<CaseStepReply> {
    return requestPattern(this.client, CASE_TRACKING_SUBJECTS[command], message, isCaseStepReply, SERVICE);
  }

  addAccused(message: CaseStepMessage<object>): Promise<AddAccusedReply> {
    return requestPattern(this.client, CASE_TRACKING_SUBJECTS.accused, message, isAddAccusedReply, SERVICE);
  }

  accusedStep(message: AccusedStepMessage): Promise<CaseStepReply> {
    return requestPattern(this.client, CASE_TRACKING_SUBJECTS['accused-step'], message, isCaseStepReply, SERVICE);
  }

  erasePersonalData(message: ErasePersonalDataMessage): Promise<ErasePersonalDataReply> {
    return requestPattern(this.client, CASE_TRACKING_SUBJECTS['erase-personal-data'], message, isErasePersonalDataReply, SERVICE);
  }

  getCase(message: GetCaseMessage): Promise<Record<string, unknown> & { readonly revision: number }> {
    return requestPattern(this.client, CASE_TRACKING_SUBJECTS.get, message, isRevisionedView, SERVICE);
  }

  history(message: CaseStreamMessage): Promise<Record<string, unknown>> {
    return requestPattern(this.client, CASE_TRACKING_SUBJECTS.history, message, isJsonObject, SERVICE);
  }

  verify(message: CaseStreamMessage): Promise<Record<string, unknown>> {
    return requestPattern(this.client, CASE_TRACKING_SUBJECTS.verify, message, isJsonObject, SERVICE);
  }

  list(query: CaseListQuery): Promise<Record<string, unknown>> {
    return requestPattern(this.client, CASE_TRACKING_SUBJECTS.list, query, isJsonObject, SERVICE);
  }
}

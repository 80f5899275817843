import { CASE_TRACKING_SUBJECTS, CaseListQuery, validateRequest, type CaseList, type Problem } from '@bluehelm/contracts';
import { CallerAccess } from '@bluehelm/service-kit';
import { Controller } from '@nestjs/common';
import { Ctx, MessagePattern, Payload, type NatsContext } from '@nestjs/microservices';
import { mayReadCase } from '../access/case-scope.rules.js';
import { listCases } from './case-list.query.js';
import { CaseListStore } from './case-list.store.js';

/**
 * `GET /v1/cases?hostState=&mission=&stage=&limit=&offset=`, answered from the case list, which
 * may trail the newest steps by a moment. Only the cases in the caller's scope are listed, and
 * counted: the total says nothing about the others.
 */
@Controller()
export class ListCasesHandler {
  constructor(
    private readonly list: CaseListStore,
    private readonly access: CallerAccess,
  ) {}

  @MessagePattern(CASE_TRACKING_SUBJECTS.list)
  async listCases(@Payload() message: unknown, @Ctx() context: NatsContext): Promise<CaseList | Problem> {
    const caller = await this.access.authorize(context, ['case-officer', 'auditor', 'member-state']);
    if (!caller.ok) return caller.problem;
    const query = validateRequest(CaseListQuery, message ?? {});
    if (!query.ok) return query.problem;
    return listCases(this.list.cases(), query.value, (state) => mayReadCase(caller.principal, state));
  }
}

import { CASE_TRACKING_SUBJECTS, CaseListQuery, validateRequest, type CaseList, type Problem } from '@bluehelm/contracts';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { listCases } from './case-list.query.js';
import { CaseListStore } from './case-list.store.js';

/**
 * `GET /v1/cases?hostState=&mission=&stage=&limit=&offset=`, answered from the case list, which
 * may trail the newest steps by a moment.
 */
@Controller()
export class ListCasesHandler {
  constructor(private readonly list: CaseListStore) {}

  @MessagePattern(CASE_TRACKING_SUBJECTS.list)
  listCases(@Payload() message: unknown): CaseList | Problem {
    const query = validateRequest(CaseListQuery, message ?? {});
    return query.ok ? listCases(this.list.cases(), query.value) : query.problem;
  }
}

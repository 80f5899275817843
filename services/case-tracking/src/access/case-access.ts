import type { CaseOpenedData, Principal, ProblemReply, Role } from '@bluehelm/contracts';
import { CallerAccess, forbiddenProblem } from '@bluehelm/service-kit';
import { Injectable } from '@nestjs/common';
import type { NatsContext } from '@nestjs/microservices';
import { caseNotFoundProblem } from '../cases/case-problem.mapper.js';
import { CaseStreamReader } from '../case-queries/case-stream.reader.js';
import type { CaseScopeFacts } from './case-scope.rules.js';

export type CaseAccessCheck =
  | { readonly ok: true; readonly principal: Principal; readonly opening: CaseOpenedData }
  | { readonly ok: false; readonly problem: ProblemReply };

/**
 * The first lines of every request about one case: a verified token with one of `roles`, a case
 * that exists, and a caller whose scope covers it (`rule`, from case-scope.rules).
 */
@Injectable()
export class CaseAccess {
  constructor(
    private readonly access: CallerAccess,
    private readonly reader: CaseStreamReader,
  ) {}

  async check(
    context: NatsContext | undefined,
    caseId: string,
    roles: readonly Role[],
    rule: (principal: Principal, facts: CaseScopeFacts) => boolean,
  ): Promise<CaseAccessCheck> {
    const caller = await this.access.authorize(context, roles);
    if (!caller.ok) return caller;
    const opening = await this.reader.openingOf(caseId);
    if (opening === undefined) return { ok: false, problem: caseNotFoundProblem(caseId) };
    if (!rule(caller.principal, opening)) return { ok: false, problem: forbiddenProblem(`case ${caseId} is outside the scope of your token`) };
    return { ok: true, principal: caller.principal, opening };
  }
}

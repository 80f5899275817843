/**
 * Which cases a caller may see and work on, from the facts a case is opened with. Pure: the
 * handlers ask these after the token is verified and the role checked.
 */
import { hasRole, type Principal } from '@bluehelm/contracts';

export interface CaseScopeFacts {
  readonly mission: string;
  readonly hostState: string;
  readonly victimNationalities?: readonly string[] | undefined;
}

/** Auditors see every case; case officers those of their missions; member states theirs. */
export function mayReadCase(principal: Principal, facts: CaseScopeFacts): boolean {
  if (hasRole(principal, 'auditor')) return true;
  if (hasRole(principal, 'case-officer') && principal.missions.includes(facts.mission)) return true;
  return hasRole(principal, 'member-state') && isMemberStateCase(principal.memberState, facts);
}

/** A host state reads the cases on its territory; a contributing country those with its nationals among the victims. */
function isMemberStateCase(memberState: string | undefined, facts: CaseScopeFacts): boolean {
  if (memberState === undefined) return false;
  return facts.hostState === memberState || (facts.victimNationalities ?? []).includes(memberState);
}

/** Every event of a case, with its metadata: auditors, and the case officers of its mission. */
export function mayReadCaseHistory(principal: Principal, facts: CaseScopeFacts): boolean {
  return hasRole(principal, 'auditor') || (hasRole(principal, 'case-officer') && principal.missions.includes(facts.mission));
}

/** Steps are recorded by the case officers of the case's mission. */
export function mayRecordCaseSteps(principal: Principal, facts: CaseScopeFacts): boolean {
  return hasRole(principal, 'case-officer') && principal.missions.includes(facts.mission);
}

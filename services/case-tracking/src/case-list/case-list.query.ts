/** One page of the case list, filtered and in a stable order (oldest opening first, then case id). */
import type { CaseList, CaseListQuery, CaseSummary } from '@bluehelm/contracts';
import { currentCaseStage } from '../cases/case.stage.js';
import type { OpenedCaseState } from '../cases/case.state.js';
import type { CaseListEntry } from './case-list.projection.js';

export type CaseListFilter = Pick<CaseListQuery, 'hostState' | 'mission' | 'stage' | 'limit' | 'offset'>;

export function caseSummaryOf({ caseId, revision, state }: CaseListEntry): CaseSummary | null {
  if (state.status === 'none') return null;
  return {
    caseId,
    revision,
    status: state.status,
    stage: currentCaseStage(state),
    mission: state.mission,
    hostState: state.hostState,
    incidentOccurredOn: state.incidentOccurredOn,
    openedOn: state.openedOn,
    lastStepOn: state.lastStepOn,
    accusedCount: state.accused.length,
  };
}

function matches(summary: CaseSummary, filter: CaseListFilter): boolean {
  return (
    (filter.hostState === undefined || summary.hostState === filter.hostState) &&
    (filter.mission === undefined || summary.mission === filter.mission) &&
    (filter.stage === undefined || summary.stage === filter.stage)
  );
}

function byOpeningThenId(first: CaseSummary, second: CaseSummary): number {
  if (first.openedOn !== second.openedOn) return first.openedOn < second.openedOn ? -1 : 1;
  return first.caseId < second.caseId ? -1 : first.caseId > second.caseId ? 1 : 0;
}

/** `inScope`: the cases the caller may see at all (all of them when not given). */
export function listCases(
  entries: Iterable<CaseListEntry>,
  filter: CaseListFilter,
  inScope: (state: OpenedCaseState) => boolean = () => true,
): CaseList {
  const matching: CaseSummary[] = [];
  for (const entry of entries) {
    if (entry.state.status === 'none' || !inScope(entry.state)) continue;
    const summary = caseSummaryOf(entry);
    if (summary !== null && matches(summary, filter)) matching.push(summary);
  }
  matching.sort(byOpeningThenId);
  return {
    items: matching.slice(filter.offset, filter.offset + filter.limit),
    total: matching.length,
    limit: filter.limit,
    offset: filter.offset,
  };
}

/**
 * Who may read an incident, and how much of it (pure). Reporters and case officers read the
 * incidents of their missions, auditors all, member states those on their territory or with
 * their nationals among the casualties; the classification then decides whether the reader sees
 * what happened, where, and by whom.
 */
import {
  CLASSIFIED_INCIDENT_FIELDS,
  hasRole,
  maySeeClassifiedParts,
  WITHHELD,
  type IncidentView,
  type Principal,
} from '@bluehelm/contracts';

export function mayReadIncident(principal: Principal, incident: Pick<IncidentView, 'mission' | 'hostState' | 'casualties'>): boolean {
  if (hasRole(principal, 'auditor')) return true;
  if (hasRole(principal, 'reporter', 'case-officer') && principal.missions.includes(incident.mission)) return true;
  const memberState = principal.memberState;
  if (!hasRole(principal, 'member-state') || memberState === undefined) return false;
  return incident.hostState === memberState || incident.casualties.some((casualty) => casualty.nationality === memberState);
}

/** The view with its classified parts withheld when the reader may not see them. */
export function classifiedPartsFor(principal: Principal, view: IncidentView): IncidentView {
  if (maySeeClassifiedParts(principal, view.classification)) return view;
  const withheld: Record<string, unknown> = { ...view };
  for (const field of CLASSIFIED_INCIDENT_FIELDS) if (field in withheld) withheld[field] = WITHHELD;
  return withheld as unknown as IncidentView;
}

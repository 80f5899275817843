import type { Classification } from '../vocabularies.js';
import { hasClearance, hasRole, type Principal } from './principal.js';

/** The parts of an incident that its classification guards: what happened, where, and by whom. */
export const CLASSIFIED_INCIDENT_FIELDS = ['narrative', 'location', 'perpetrators', 'witnesses'] as const;

/**
 * Whether a reader (already allowed to read the incident) sees its classified parts:
 * `public` every such reader; `restricted` everyone but member states; `confidential` only
 * readers with the `confidential` clearance.
 */
export function maySeeClassifiedParts(principal: Principal, classification: Classification): boolean {
  switch (classification) {
    case 'public':
      return true;
    case 'restricted':
      return hasRole(principal, 'reporter', 'case-officer', 'auditor');
    case 'confidential':
      return hasClearance(principal, 'confidential');
  }
}

/**
 * The access trail: reads of personal data, appended to the log like every other fact (writes
 * are already events, each with its actor in the metadata). Auditors query the trail through
 * `GET /v1/audit/access`.
 */

/** Streams `access-<uuid of the case or incident read>`. */
export const ACCESS_STREAM_CATEGORY = 'access';

export const PERSONAL_DATA_READ = 'PersonalDataRead';

/** What was read, in which view, by whom (the actor is in the metadata) and why, when given. */
export interface PersonalDataReadData {
  readonly resource: 'case' | 'incident';
  readonly resourceId: string;
  readonly view: 'case' | 'case-history' | 'incident';
  /** The roles and clearances of the token that read. */
  readonly roles: readonly string[];
  readonly clearances: readonly string[];
  /** The caller's stated purpose (the `Bluehelm-Access-Reason` header), when given. */
  readonly reason?: string;
}

/** The HTTP (and NATS) header by which a reader states why it reads personal data. */
export const ACCESS_REASON_HEADER = 'Bluehelm-Access-Reason';

export function accessStreamOf(resourceId: string): string {
  return `${ACCESS_STREAM_CATEGORY}-${resourceId}`;
}

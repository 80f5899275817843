/**
 * Size bounds of request fields. Generous for real reports, small enough that one request cannot
 * exhaust a service; the JSON Schemas carry the same numbers.
 */
export const TEXT_LIMITS = {
  /** Identifiers and names: report ids, place names, person and group names, courts, authorities. */
  short: 200,
  /** Notes, descriptions and reasons. */
  long: 2_000,
  narrative: 20_000,
} as const;

export const LIST_LIMITS = {
  casualties: 500,
  perpetrators: 100,
  witnesses: 100,
} as const;

export const CASE_LIST_PAGE = {
  defaultLimit: 50,
  maxLimit: 500,
  maxOffset: 1_000_000,
} as const;

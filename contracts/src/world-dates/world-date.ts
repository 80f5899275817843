/**
 * Dates in the world (when something happened), with a precision: `YYYY`, `YYYY-MM` or
 * `YYYY-MM-DD`. The patterns are the single source for validation and the JSON Schemas, so they
 * check real calendar dates themselves (month lengths, 29 February only in leap years) and any
 * JSON Schema validator rejects `2021-02-29` as Bluehelm does. Years run from 1900 to 2999.
 */

export const WORLD_DATE_PRECISIONS = ['year', 'month', 'day'] as const;
export type WorldDatePrecision = (typeof WORLD_DATE_PRECISIONS)[number];

const YEAR = '(?:19|2\\d)\\d\\d';
// Years divisible by 4, except the centuries that are not divisible by 400.
const LEAP_YEAR = '(?:(?:19|2\\d)(?:0[48]|[2468][048]|[13579][26])|2[048]00)';
const MONTH = '(?:0[1-9]|1[0-2])';
const MONTH_AND_DAY =
  '(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|02-(?:0[1-9]|1\\d|2[0-8]))';

const PRECISION_PATTERNS: { readonly [P in WorldDatePrecision]: string } = {
  year: YEAR,
  month: `${YEAR}-${MONTH}`,
  day: `(?:${YEAR}-${MONTH_AND_DAY}|${LEAP_YEAR}-02-29)`,
};

/** A regular expression source (anchored) for dates of the given precisions. */
export function worldDatePattern(precisions: readonly WorldDatePrecision[]): string {
  return `^(?:${precisions.map((precision) => PRECISION_PATTERNS[precision]).join('|')})$`;
}

export const CALENDAR_DAY_PATTERN = worldDatePattern(['day']);

export function isCalendarDay(value: unknown): value is string {
  return isWorldDate(value, ['day']);
}

/** The precision of a well-formed world date, read from its length. */
export function precisionOf(worldDate: string): WorldDatePrecision {
  if (worldDate.length === 4) return 'year';
  return worldDate.length === 7 ? 'month' : 'day';
}

/** Compiled once per list of precisions: every report checks a date or two. */
const worldDateExpressions = new Map<string, RegExp>();

function worldDateExpression(precisions: readonly WorldDatePrecision[]): RegExp {
  const key = precisions.join(',');
  let expression = worldDateExpressions.get(key);
  if (!expression) {
    expression = new RegExp(worldDatePattern(precisions));
    worldDateExpressions.set(key, expression);
  }
  return expression;
}

export function isWorldDate(value: unknown, precisions: readonly WorldDatePrecision[] = WORLD_DATE_PRECISIONS): value is string {
  return typeof value === 'string' && worldDateExpression(precisions).test(value);
}

/** The first day of the period a world date names: `2021` starts on `2021-01-01`. */
export function firstDayOf(worldDate: string): string {
  switch (precisionOf(worldDate)) {
    case 'year':
      return `${worldDate}-01-01`;
    case 'month':
      return `${worldDate}-01`;
    case 'day':
      return worldDate;
  }
}

/**
 * A date is in the future when its period has not begun by `today` (`YYYY-MM-DD`): in November
 * 2026, `2026` and `2026-11` are not in the future, `2026-12` is. ISO dates compare as text.
 */
export function isAfterDay(worldDate: string, today: string): boolean {
  return firstDayOf(worldDate) > today;
}

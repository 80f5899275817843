const DAY_ONLY = /^\d{4}-\d{2}-\d{2}$/;
/**
 * Fills in the clocks a query left out from `now`, and writes `knownAt` in one form: a day
 * means the end of that day in UTC, a date-time is converted to UTC. The answer carries these
 * values, so that sending them back asks exactly the same question.
 */
export function resolveReportClocks(given, now) {
    const asOf = given.asOf ?? now.toISOString().slice(0, 10);
    if (given.knownAt === undefined)
        return { asOf, knownAt: now.toISOString() };
    if (DAY_ONLY.test(given.knownAt))
        return { asOf, knownAt: `${given.knownAt}T23:59:59.999Z` };
    return { asOf, knownAt: new Date(given.knownAt).toISOString() };
}
//# sourceMappingURL=report-clocks.js.map
import { FACT_KIND_CODES } from './accountability-index.js';
const CONVICTED = FACT_KIND_CODES.get('convicted');
const CLOSED = FACT_KIND_CODES.get('case-closed');
const IDENTIFIED = FACT_KIND_CODES.get('identified');
/** Everything known so far, without either clock: the figures of the live indicator stream. */
export function accountabilityTotals(cases) {
    let opened = 0;
    let convicted = 0;
    let closed = 0;
    let persons = 0;
    for (const indexed of cases) {
        if (indexed.opened === undefined)
            continue;
        opened += 1;
        if (indexed.facts.some((fact) => fact.kind === CONVICTED))
            convicted += 1;
        if (indexed.facts.some((fact) => fact.kind === CLOSED))
            closed += 1;
        persons += new Set(indexed.facts.filter((fact) => fact.kind === IDENTIFIED).map((fact) => fact.person)).size;
    }
    return { cases: opened, casesConvicted: convicted, casesClosed: closed, personsIdentified: persons };
}
//# sourceMappingURL=accountability.totals.js.map
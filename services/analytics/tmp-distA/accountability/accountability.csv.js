import { ACCOUNTABILITY_CSV_CONTENT_TYPE, CASE_FUNNEL_STAGES, PERSON_FUNNEL_STAGES, SUPPORT_KINDS, } from '@bluehelm/contracts';
import { stringify } from 'csv-stringify/sync';
/** One column per figure, named by its path in the JSON report (`cases.charged`). */
const HEADER = [
    'asOf',
    'knownAt',
    'hostState',
    ...CASE_FUNNEL_STAGES.map((stage) => `cases.${stage}`),
    ...PERSON_FUNNEL_STAGES.map((stage) => `persons.${stage}`),
    'stalled',
    ...SUPPORT_KINDS.map((kind) => `supportActions.${kind}`),
    'medianDaysToFirstConviction',
];
/**
 * The report as CSV (RFC 4180: CRLF line ends, a header line), one line per host state; both
 * clocks are repeated on every line so that a line keeps its meaning when copied elsewhere.
 * An empty median means no conviction.
 */
export function accountabilityCsv(report) {
    const lines = report.hostStates.map((row) => [
        report.asOf,
        report.knownAt,
        row.hostState,
        ...CASE_FUNNEL_STAGES.map((stage) => row.cases[stage]),
        ...PERSON_FUNNEL_STAGES.map((stage) => row.persons[stage]),
        row.stalled,
        ...SUPPORT_KINDS.map((kind) => row.supportActions[kind]),
        row.medianDaysToFirstConviction ?? '',
    ]);
    return {
        contentType: ACCOUNTABILITY_CSV_CONTENT_TYPE,
        filename: `accountability-asof-${report.asOf}-knownat-${report.knownAt.replace(/[:.]/g, '')}.csv`,
        body: stringify([HEADER, ...lines], { record_delimiter: 'windows' }),
    };
}
//# sourceMappingURL=accountability.csv.js.map
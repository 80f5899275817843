import { type AccountabilityCsvReply, type AccountabilityReport } from '@bluehelm/contracts';
/**
 * The report as CSV (RFC 4180: CRLF line ends, a header line), one line per host state; both
 * clocks are repeated on every line so that a line keeps its meaning when copied elsewhere.
 * An empty median means no conviction.
 */
export declare function accountabilityCsv(report: AccountabilityReport): AccountabilityCsvReply;
//# sourceMappingURL=accountability.csv.d.ts.map
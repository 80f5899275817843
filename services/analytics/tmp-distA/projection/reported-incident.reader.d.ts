import { type IncidentReportedData, type ResolvedCasualty } from '@bluehelm/contracts';
import type { LogEvent } from './log-event.js';
/** The fields of an IncidentReported that the analytics read models use. */
export type ReportedIncident = Pick<IncidentReportedData, 'incidentId' | 'mission' | 'hostState' | 'occurredOn' | 'category' | 'type' | 'casualties' | 'detectedBeforeDetonation'>;
/**
 * The incident an event reports, or undefined for any other event. An IncidentReported whose data
 * lacks what the read models need is skipped rather than stopping every projection behind it.
 */
export declare function reportedIncidentOf(event: LogEvent): ReportedIncident | undefined;
/** A casualty with the fields every casualty row needs; others are left out of the read models. */
export declare function isWellFormedCasualty(casualty: unknown): casualty is ResolvedCasualty;
/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, a real calendar date. */
export declare function isIncidentDate(value: unknown): value is string;
//# sourceMappingURL=reported-incident.reader.d.ts.map
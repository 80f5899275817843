import type { JsonBodyOutcome } from '@bluehelm/contracts';
import { payloadTooLargeProblem } from '../../problems/gateway-problems.js';

/**
 * One report of a batch as read: its line (the NDJSON line, or the place in the JSON array,
 * from 1) and its JSON, or the problem that made it unreadable.
 */
export interface BatchEntry {
  readonly line: number;
  readonly body: JsonBodyOutcome;
}

/** The most one report of a batch may take: the same 1 MiB as a report sent on its own. */
export const MAX_BATCH_REPORT_BYTES = 1024 * 1024;

export function oversizedEntry(line: number, maxBytes: number): BatchEntry {
  return {
    line,
    body: { ok: false, problem: payloadTooLargeProblem(`This report is larger than ${maxBytes} bytes, the most one report may take.`) },
  };
}

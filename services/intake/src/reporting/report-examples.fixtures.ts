// Report bodies for tests, taken from the contract's own examples so that they cannot drift.
import { readFileSync } from 'node:fs';

const examples = new URL('../../../../contracts/examples/', import.meta.url);

export type ReportBody = Record<string, unknown>;

/** A valid body of contracts/examples/report-incident-request/, with another reportId if given. */
export function reportExample(name: string, reportId?: string): ReportBody {
  const body = JSON.parse(readFileSync(new URL(`report-incident-request/${name}.json`, examples), 'utf8')) as ReportBody;
  return reportId === undefined ? body : { ...body, reportId };
}

/** An invalid body of contracts/examples/invalid/report-incident-request/ and the paths it must fail on. */
export function invalidReportExample(name: string): { readonly body: ReportBody; readonly expectedErrorPaths: string[] } {
  const file = new URL(`invalid/report-incident-request/${name}.json`, examples);
  const { body, expectedErrorPaths } = JSON.parse(readFileSync(file, 'utf8')) as {
    body: ReportBody;
    expectedErrorPaths: string[];
  };
  return { body, expectedErrorPaths };
}

export function bytesOf(body: unknown): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(body));
}

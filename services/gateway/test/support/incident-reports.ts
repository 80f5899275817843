import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPOSITORY_ROOT } from '../service-process.js';

/** A valid report from the contracts' examples, under its own reportId. */
export function validReport(reportId: string, example = 'malicious-act-ied-with-casualties'): Record<string, unknown> {
  const path = join(REPOSITORY_ROOT, 'contracts', 'examples', 'report-incident-request', `${example}.json`);
  return { ...(JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>), reportId };
}

/** A report whose first casualty's nationality is no country code. */
export function reportWithBadNationality(reportId: string): Record<string, unknown> {
  const report = validReport(reportId);
  const casualties = report['casualties'] as Record<string, unknown>[];
  return { ...report, casualties: [{ ...casualties[0], nationality: 'XXX' }, ...casualties.slice(1)] };
}

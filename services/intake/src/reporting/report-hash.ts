import { hash } from 'node:crypto';
import type { ResolvedIncidentReport } from '@bluehelm/contracts';
import canonicalize from 'canonicalize';

/**
 * SHA-256 (hex) of the RFC 8785 canonical JSON of the resolved report. The resolved form is
 * hashed, not the bytes as sent, so that key order, spacing and spelling out a default do not
 * make a repeat look like a different report.
 */
export function reportHashOf(report: ResolvedIncidentReport): string {
  const canonical = canonicalize(report);
  if (canonical === undefined) throw new TypeError('a resolved report has no canonical JSON form');
  return hash('sha256', canonical, 'hex');
}

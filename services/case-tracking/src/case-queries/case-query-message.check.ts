import { isUuid } from '@bluehelm/contracts';

/**
 * The case id a query names, lower-cased as the streams are; null when it is not a UUID and so
 * names no case.
 */
export function queriedCaseIdOf(message: unknown): string | null {
  const caseId = typeof message === 'object' && message !== null ? (message as { caseId?: unknown }).caseId : undefined;
  return isUuid(caseId) ? caseId.toLowerCase() : null;
}

/** The `asOf` of a get message as the AsOfQuery sees it: absent when the message has none. */
export function asOfQueryOf(message: unknown): Record<string, unknown> {
  const asOf = typeof message === 'object' && message !== null ? (message as { asOf?: unknown }).asOf : undefined;
  return asOf === undefined ? {} : { asOf };
}

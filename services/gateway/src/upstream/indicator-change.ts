import { isJsonObject } from './reply-shapes.js';

/**
 * A message of ANALYTICS_INDICATORS_CHANGED_SUBJECT as the gateway relays it: any object that
 * names its indicator and the log position it reflects (an IndicatorChanged of the contracts, or
 * one of an indicator added later, which passes through as well).
 */
export type IndicatorChange = Record<string, unknown> & { readonly indicator: string; readonly position: number };

/** An indicator name is safe to put in an event id as it stands: no line breaks, no spaces. */
const INDICATOR_NAME = /^[a-z][a-z0-9-]{0,63}$/;

export function isIndicatorChange(message: unknown): message is IndicatorChange {
  return (
    isJsonObject(message) &&
    typeof message['indicator'] === 'string' &&
    INDICATOR_NAME.test(message['indicator']) &&
    Number.isSafeInteger(message['position']) &&
    (message['position'] as number) >= -1
  );
}

/** What an event of the stream is known by (its SSE `id`): the log position, then the indicator. */
export function indicatorChangeId(change: IndicatorChange): string {
  return `${change.position}:${change.indicator}`;
}

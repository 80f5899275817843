import { ACCESS_TRAIL_ACTIONS, CASE_FUNNEL_STAGES, PERSON_FUNNEL_STAGES, SUPPORT_KINDS } from '@bluehelm/contracts';
import type { SchemaObject } from '@nestjs/swagger';

/*
 * Schemas of analytics' views (contracts/src/views/analytics.views.ts), which the gateway passes
 * through unchanged; fields may be added, so objects stay open.
 */

const ref = (name: string): SchemaObject => ({ $ref: `#/components/schemas/${name}` }) as SchemaObject;
const count: SchemaObject = { type: 'integer', minimum: 0 };
const countsOf = (names: readonly string[], description: string): SchemaObject => ({
  type: 'object',
  description,
  required: [...names],
  properties: Object.fromEntries(names.map((name) => [name, count])),
});
const iedFigures: Record<string, SchemaObject> = {
  ieds: { ...count, description: 'IED incidents' },
  detectedBeforeDetonation: count,
  rate: { type: ['number', 'null'], description: 'detectedBeforeDetonation / ieds, 4 decimals; null without an IED' } as SchemaObject,
};

const nullableText = { type: ['string', 'null'] } as SchemaObject;

export const ANALYTICS_REPLY_SCHEMAS = {
  AccessTrailEntry: {
    type: 'object',
    required: ['position', 'recordedAt', 'actor', 'action', 'stream', 'eventType', 'resource', 'reason', 'correlationId'],
    properties: {
      position: { type: 'integer', minimum: 0, description: 'Place in the log; `after` pages by it' },
      recordedAt: { type: 'string', format: 'date-time' },
      actor: { type: 'string', description: 'The verified token subject (or system) that caused the event' },
      action: { type: 'string', enum: [...ACCESS_TRAIL_ACTIONS] },
      stream: { type: 'string' },
      eventType: { type: 'string' },
      resource: {
        type: ['object', 'null'],
        properties: { type: { type: 'string' }, id: { type: 'string' } },
      } as SchemaObject,
      reason: nullableText,
      correlationId: nullableText,
    },
  },
  AccessTrailPage: {
    type: 'object',
    required: ['entries', 'next'],
    properties: {
      entries: { type: 'array', items: ref('AccessTrailEntry') },
      next: { type: ['integer', 'null'], description: 'The `after` of the next page; null on the last' } as SchemaObject,
    },
  },
  CountGroup: { type: 'object', required: ['key', 'count'], properties: { key: { type: 'string' }, count } },
  FatalitiesView: {
    type: 'object',
    required: ['total', 'groups'],
    properties: {
      total: count,
      groups: { type: 'array', items: ref('CountGroup'), description: 'By count (highest first), then key; empty without groupBy' },
    },
  },
  IedDetectionView: {
    type: 'object',
    required: ['ieds', 'detectedBeforeDetonation', 'rate', 'groups'],
    properties: {
      ...iedFigures,
      groups: {
        type: 'array',
        description: 'One per key, ascending; empty without groupBy',
        items: { type: 'object', required: ['key', 'ieds', 'detectedBeforeDetonation', 'rate'], properties: { key: { type: 'string' }, ...iedFigures } },
      },
    },
  },
  HostStateAccountability: {
    type: 'object',
    required: ['hostState', 'cases', 'persons', 'stalled', 'supportActions', 'medianDaysToFirstConviction'],
    properties: {
      hostState: { type: 'string', description: 'ISO 3166-1 alpha-3' },
      cases: countsOf(CASE_FUNNEL_STAGES, 'Cases that have reached each stage by both clocks'),
      persons: countsOf(PERSON_FUNNEL_STAGES, 'Accused persons that have reached each stage by both clocks'),
      stalled: { ...count, description: 'Open cases with no step for the stall period before asOf' },
      supportActions: countsOf(SUPPORT_KINDS, 'Support actions by kind'),
      medianDaysToFirstConviction: { type: ['number', 'null'], description: 'Null without a conviction' } as SchemaObject,
    },
  },
  AccountabilityReport: {
    type: 'object',
    required: ['asOf', 'knownAt', 'hostStates'],
    properties: {
      asOf: { type: 'string', format: 'date', description: 'As resolved: send it back to get the same report' },
      knownAt: { type: 'string', format: 'date-time', description: 'As resolved (UTC, milliseconds)' },
      hostStates: { type: 'array', items: ref('HostStateAccountability'), description: 'Sorted by code' },
    },
  },
  IndicatorChanged: {
    type: 'object',
    description: 'The data of an `indicator-changed` event: an indicator changed with the events up to `position`',
    required: ['indicator', 'position', 'totals'],
    properties: {
      indicator: { type: 'string', enum: ['fatalities', 'ied-detection', 'accountability'], description: 'More may be added' },
      position: { type: 'integer', description: 'The event-log position whose events the totals include' },
      totals: { type: 'object', description: 'The indicator’s new overall figures' },
    },
  },
} satisfies Record<string, SchemaObject>;

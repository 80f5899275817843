import { describe, expect, it } from '@jest/globals';
import { projectionSpec } from '@bluehelm/event-sourcing/testing';
import type { LogEvent } from '../projection/log-event.js';
import { emptyRowReadModel, evolveRowReadModel } from '../projection/row.projection.js';
import { logEvent, personalDataErased, personalDataRead } from './access-trail.fixtures.js';
import { accessTrailProjection, resourceOfStream, type AccessTrailRow } from './access-trail.projection.js';

const evolve = evolveRowReadModel(accessTrailProjection);
const CASE = '7c3f0c1e-2a4b-4d6e-8f90-a1b2c3d4e5f6';
const INCIDENT = '6f1c2a52-0b7e-4c8e-9a3e-2d1f0c9b8a71';
const AT = '2024-05-01T08:00:00.000Z';
const AT_MS = Date.parse(AT);

/** Every event given twice in a row, as a redelivery would give it: the rows must not change. */
function twice(events: readonly LogEvent[]): LogEvent[] {
  return events.flatMap((event) => [event, event]);
}

function rowsByPosition(rows: readonly AccessTrailRow[]): Record<string, AccessTrailRow> {
  return Object.fromEntries(rows.map((row) => [String(row.position), row]));
}

describe('the access trail projection', () => {
  it('records every domain event as a write by its actor, on the resource its stream names', () => {
    const events = [
      logEvent(3, `incident-${INCIDENT}`, 'IncidentReported', { incidentId: INCIDENT }, { actor: 'reporter-1', recordedAt: AT, correlationId: 'corr-1' }),
      logEvent(4, `case-${CASE}`, 'CaseReferred', { on: '2024-05-01' }, { actor: 'officer-1', recordedAt: AT, correlationId: 'corr-2' }),
    ];

    projectionSpec(evolve, emptyRowReadModel<AccessTrailRow>())
      .given(twice(events))
      .then({
        lastPosition: 4,
        rows: rowsByPosition([
          {
            position: 3,
            recordedAtMs: AT_MS,
            actor: 'reporter-1',
            action: 'write',
            stream: `incident-${INCIDENT}`,
            eventType: 'IncidentReported',
            resource: { type: 'incident', id: INCIDENT },
            reason: null,
            correlationId: 'corr-1',
          },
          {
            position: 4,
            recordedAtMs: AT_MS,
            actor: 'officer-1',
            action: 'write',
            stream: `case-${CASE}`,
            eventType: 'CaseReferred',
            resource: { type: 'case', id: CASE },
            reason: null,
            correlationId: 'corr-2',
          },
        ]),
      });
  });

  it('records a read of personal data with the resource and the reason the reader gave', () => {
    const events = [
      personalDataRead(0, { resource: 'case', resourceId: CASE, reason: 'prosecution file' }, { actor: 'officer-1', recordedAt: AT, correlationId: 'corr-3' }),
      personalDataRead(1, { resource: 'incident', resourceId: INCIDENT }, { actor: 'officer-2', recordedAt: AT }),
    ];

    projectionSpec(evolve, emptyRowReadModel<AccessTrailRow>())
      .given(twice(events))
      .then({
        lastPosition: 1,
        rows: rowsByPosition([
          {
            position: 0,
            recordedAtMs: AT_MS,
            actor: 'officer-1',
            action: 'read-personal-data',
            stream: `access-${CASE}`,
            eventType: 'PersonalDataRead',
            resource: { type: 'case', id: CASE },
            reason: 'prosecution file',
            correlationId: 'corr-3',
          },
          {
            position: 1,
            recordedAtMs: AT_MS,
            actor: 'officer-2',
            action: 'read-personal-data',
            stream: `access-${INCIDENT}`,
            eventType: 'PersonalDataRead',
            resource: { type: 'incident', id: INCIDENT },
            reason: null,
            correlationId: null,
          },
        ]),
      });
  });

  it('records an erasure of personal data on the case, with its reason', () => {
    const events = [personalDataErased(9, CASE, 'court order 12/2024', { actor: 'officer-3', recordedAt: AT, correlationId: 'corr-4' })];

    projectionSpec(evolve, emptyRowReadModel<AccessTrailRow>())
      .given(twice(events))
      .then({
        lastPosition: 9,
        rows: rowsByPosition([
          {
            position: 9,
            recordedAtMs: AT_MS,
            actor: 'officer-3',
            action: 'erase-personal-data',
            stream: `case-${CASE}`,
            eventType: 'PersonalDataErased',
            resource: { type: 'case', id: CASE },
            reason: 'court order 12/2024',
            correlationId: 'corr-4',
          },
        ]),
      });
  });

  it('keeps an event of a stream not named <category>-<uuid>, and one without an actor, with no resource and an unknown actor', () => {
    const events = [logEvent(5, 'notification-1', 'DeliveryAttempted', null, { recordedAt: AT })];

    projectionSpec(evolve, emptyRowReadModel<AccessTrailRow>())
      .given(twice(events))
      .then({
        lastPosition: 5,
        rows: rowsByPosition([
          {
            position: 5,
            recordedAtMs: AT_MS,
            actor: 'unknown',
            action: 'write',
            stream: 'notification-1',
            eventType: 'DeliveryAttempted',
            resource: null,
            reason: null,
            correlationId: null,
          },
        ]),
      });
  });

  it('takes the store commit time when the metadata has no usable recordedAt', () => {
    const event = { ...logEvent(2, `case-${CASE}`, 'CaseClosed', {}, { actor: 'officer-1', recordedAt: 'not a date' }), createdAt: AT };

    expect(accessTrailProjection.rowsOf(event)).toMatchObject([{ recordedAtMs: AT_MS }]);
  });

  it('leaves the resource of a read out when its data does not name one, and still records the read', () => {
    const event = logEvent(6, `access-${CASE}`, 'PersonalDataRead', { view: 'case' }, { actor: 'officer-1', recordedAt: AT });

    expect(accessTrailProjection.rowsOf(event)).toMatchObject([{ action: 'read-personal-data', resource: null, reason: null }]);
  });
});

describe('the resource a stream names', () => {
  it('is the category before the uuid, with the uuid in lower case', () => {
    expect(resourceOfStream(`focalpoint-${CASE.toUpperCase()}`)).toEqual({ type: 'focalpoint', id: CASE });
    expect(resourceOfStream(`notification-delivery-${CASE}`)).toEqual({ type: 'notification-delivery', id: CASE });
  });

  it('is none for a stream without a uuid at its end', () => {
    expect(resourceOfStream('relay-case_incident')).toBeNull();
    expect(resourceOfStream(CASE)).toBeNull();
    expect(resourceOfStream(`case-${CASE}-old`)).toBeNull();
  });
});

import { describe, expect, it } from '@jest/globals';
import type { RecordedEvent } from '@bluehelm/event-store';
import { MalformedIntegrationEventError } from './errors.js';
import {
  decodeIntegrationEvent,
  encodeIntegrationEvent,
  toIntegrationEvent,
  type IntegrationEvent,
} from './integration-event.js';

const recorded: RecordedEvent = {
  id: '8a5f0f5e-4d8e-4c39-9a43-0b7f3c1a2d10',
  type: 'CaseOpened',
  data: { caseId: 'c-1', incidentId: 'i-1' },
  metadata: { correlationId: 'x', actor: 'system' },
  streamName: 'case-5c1f1c0e-2d2a-4c1e-9e0b-3f2d6b8a9c11',
  revision: 0,
  position: 41,
  createdAt: '2026-11-02T10:00:00.000Z',
};

function bodyWith(change: Record<string, unknown>, without?: keyof IntegrationEvent): string {
  const wire: Record<string, unknown> = { ...toIntegrationEvent(recorded), ...change };
  if (without) delete wire[without];
  return JSON.stringify(wire);
}

describe('integration event wire shape', () => {
  it('carries the recorded event with its stream category', () => {
    expect(toIntegrationEvent(recorded)).toEqual({
      id: recorded.id,
      type: 'CaseOpened',
      streamName: recorded.streamName,
      category: 'case',
      revision: 0,
      position: 41,
      data: recorded.data,
      metadata: recorded.metadata,
    });
  });

  it('decodes what it encodes', () => {
    const event = toIntegrationEvent(recorded);
    expect(decodeIntegrationEvent(encodeIntegrationEvent(event))).toEqual(event);
  });

  it('accepts null data, which is a JSON value', () => {
    expect(decodeIntegrationEvent(bodyWith({ data: null })).data).toBeNull();
  });

  it.each([
    ['a body that is not JSON', '{"id":', 'body'],
    ['a JSON array', '[1,2]', 'body'],
    ['a missing id', bodyWith({}, 'id'), 'id'],
    ['an empty type', bodyWith({ type: ' ' }), 'type'],
    ['a category that is not the stream category', bodyWith({ category: 'incident' }), 'category'],
    ['a negative revision', bodyWith({ revision: -1 }), 'revision'],
    ['a fractional position', bodyWith({ position: 1.5 }), 'position'],
    ['a position given as text', bodyWith({ position: '41' }), 'position'],
    ['missing data', bodyWith({}, 'data'), 'data'],
    ['metadata that is an array', bodyWith({ metadata: [] }), 'metadata'],
  ])('rejects %s, naming the field', (_case, body, field) => {
    const decode = () => decodeIntegrationEvent(body);
    expect(decode).toThrow(MalformedIntegrationEventError);
    try {
      decode();
    } catch (error) {
      expect((error as MalformedIntegrationEventError).field).toBe(field);
      expect((error as Error).name).toBe('MalformedIntegrationEventError');
    }
  });

  it('rejects bytes that are not UTF-8', () => {
    expect(() => decodeIntegrationEvent(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]))).toThrow(
      MalformedIntegrationEventError,
    );
  });
});

import { describe, expect, it } from '@jest/globals';
import type { AccountabilityCsvReply, AccountabilityReport, Problem } from '@bluehelm/contracts';
import { CASE_HISTORY, indexOf } from './accountability.fixtures.js';
import { AccountabilityHandler } from './accountability.handler.js';

const NOW = new Date('2021-03-03T15:30:00.000Z');
const handler = new AccountabilityHandler(indexOf(CASE_HISTORY), { now: () => NOW }, 180);

describe('the accountability query over NATS', () => {
  it('answers the report with both clocks resolved when the query gives neither', async () => {
    const reply = (await handler.accountability({})) as AccountabilityReport;

    expect(reply.asOf).toBe('2021-03-03');
    expect(reply.knownAt).toBe('2021-03-03T15:30:00.000Z');
    expect(reply.hostStates.map((row) => row.hostState)).toEqual(['CAF', 'MLI']);
  });

  it('answers CSV as a content type and a body', async () => {
    const reply = (await handler.accountability({ asOf: '2021-12-31', knownAt: '2021-12-31', format: 'csv' })) as AccountabilityCsvReply;

    expect(reply.contentType).toBe('text/csv; charset=utf-8; header=present');
    expect(reply.body.split('\r\n')[1]).toMatch(/^2021-12-31,2021-12-31T23:59:59\.999Z,CAF,/);
  });

  it('refuses fields that are not valid, naming each one', async () => {
    const reply = (await handler.accountability({ asOf: '2021-02-30', knownAt: 'yesterday', format: 'xml', extra: 1 })) as Problem;

    expect(reply.status).toBe(422);
    expect(reply.errors?.map((error) => error.path).sort()).toEqual(['asOf', 'extra', 'format', 'knownAt']);
  });
});

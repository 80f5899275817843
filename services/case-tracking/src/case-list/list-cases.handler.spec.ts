import { describe, expect, it } from '@jest/globals';
import { ACCESS, AUDITOR } from '../case-tracking.fixtures.js';
import { CaseListStore } from './case-list.store.js';
import { ListCasesHandler } from './list-cases.handler.js';

describe('listing cases over NATS', () => {
  const handler = new ListCasesHandler(new CaseListStore(), ACCESS.access);

  it('pages with the default limit when the query names none', async () => {
    expect(await handler.listCases({}, AUDITOR)).toEqual({ items: [], total: 0, limit: 50, offset: 0 });
    expect(await handler.listCases(undefined, AUDITOR)).toEqual({ items: [], total: 0, limit: 50, offset: 0 });
  });

  it('refuses an unknown stage, a lower-case host state and a limit out of range with 422', async () => {
    const reply = await handler.listCases({ stage: 'sentenced', hostState: 'mli', limit: 0 }, AUDITOR);

    expect(reply).toMatchObject({ status: 422 });
    expect('errors' in reply && reply.errors?.map((error) => error.path).sort()).toEqual(['hostState', 'limit', 'stage']);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { authorizationTableMarkdown } from './authorization-table.markdown.js';
import { endpointAccessOf, ENDPOINT_ACCESS, mayCall } from './endpoint-access.js';

const published = readFileSync(new URL('../../../docs/authorization.md', import.meta.url), 'utf8');

describe('the authorisation table', () => {
  it('is published in docs/authorization.md exactly as the gateway enforces it (node scripts/authorization-doc.mjs)', () => {
    expect(published).toContain(authorizationTableMarkdown());
  });

  it('names each route once', () => {
    const keys = ENDPOINT_ACCESS.map((entry) => `${entry.method} ${entry.path}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('lets a role call a route only when the table says so, and anyone call a public route', () => {
    const history = endpointAccessOf('GET', '/v1/cases/:id/history');
    const health = endpointAccessOf('GET', '/v1/health');
    expect(history && [mayCall(history, ['auditor']), mayCall(history, ['analyst']), mayCall(history, [])]).toEqual([true, false, false]);
    expect(health && mayCall(health, [])).toBe(true);
    expect(endpointAccessOf('GET', '/v1/unknown')).toBeUndefined();
  });
});

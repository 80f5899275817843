import { contractSchemaComponents, ENDPOINT_ACCESS } from '@bluehelm/contracts';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startGateway, type GatewayUnderTest } from './support/gateway-under-test.js';
import { startPrivateNats } from '../../../scripts/lib/private-nats.mjs';

type PrivateNats = Awaited<ReturnType<typeof startPrivateNats>>;

interface Operation {
  readonly requestBody?: { content: Record<string, { schema: unknown }> };
  readonly responses: Record<string, { content?: Record<string, { schema: unknown }> }>;
  readonly security?: unknown[];
  readonly 'x-bluehelm-roles'?: unknown;
}

/** `/v1/cases/{id}` as the access table writes it: `/v1/cases/:id`. */
const routeOf = (documentedPath: string) => documentedPath.replace(/\{([A-Za-z]+)\}/g, ':$1');

describe('the gateway’s OpenAPI document', () => {
  let nats: PrivateNats;
  let gateway: GatewayUnderTest;
  let document: {
    openapi: string;
    paths: Record<string, Record<string, Operation>>;
    components: { schemas: Record<string, unknown>; securitySchemes?: Record<string, unknown> };
    security?: unknown[];
  };

  beforeAll(async () => {
    nats = await startPrivateNats();
    gateway = await startGateway(nats.url);
    const response = await fetch(`${gateway.url}/docs/json`);
    expect(response.status).toBe(200);
    document = (await response.json()) as typeof document;
  });

  afterAll(async () => {
    await gateway?.stop();
    await nats?.stop();
  });

  it('is OpenAPI 3.1 and lists every public route', () => {
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/v1/incidents',
        '/v1/incidents/batch',
        '/v1/incidents/{id}',
        '/v1/cases',
        '/v1/cases/{id}',
        '/v1/cases/{id}/history',
        '/v1/cases/{id}/verify',
        '/v1/cases/{id}/referral',
        '/v1/cases/{id}/investigation',
        '/v1/cases/{id}/accused',
        '/v1/cases/{id}/accused/{personId}/steps',
        '/v1/cases/{id}/support',
        '/v1/cases/{id}/incidents',
        '/v1/cases/{id}/closure',
        '/v1/analytics/fatalities',
        '/v1/analytics/ied-detection',
        '/v1/analytics/stream',
        '/v1/reports/accountability',
        '/v1/focal-points',
        '/v1/focal-points/{id}',
        '/v1/subscriptions',
        '/v1/subscriptions/{id}',
        '/v1/notifications',
        '/v1/notifications/{id}',
        '/v1/notifications/{id}/redeliver',
      ]),
    );
    expect(Object.keys(document.paths).some((path) => path.startsWith('/docs'))).toBe(false);
  });

  it('documents an incident report with the contract’s schema and its problem answers', () => {
    const report = document.paths['/v1/incidents']?.['post'];
    expect(report?.requestBody?.content['application/json']?.schema).toEqual({ $ref: '#/components/schemas/ReportIncidentRequest' });
    expect(Object.keys(report?.responses ?? {})).toEqual(
      expect.arrayContaining(['200', '201', '400', '409', '413', '415', '422', '503', '504']),
    );
    expect(report?.responses['422']?.content?.['application/problem+json']?.schema).toEqual({ $ref: '#/components/schemas/Problem' });
  });

  it('documents a case step with its contract body, its ETag answer and its 412', () => {
    const referral = document.paths['/v1/cases/{id}/referral']?.['post'];
    expect(referral?.requestBody?.content['application/json']?.schema).toEqual({ $ref: '#/components/schemas/ReferralRequest' });
    expect(Object.keys(referral?.responses ?? {})).toEqual(expect.arrayContaining(['200', '404', '409', '412', '422']));
  });

  it('documents the analytics queries parameter by parameter, the report as JSON or CSV, and the stream as events', () => {
    const fatalities = document.paths['/v1/analytics/fatalities']?.['get'] as Operation & { parameters: { name: string; schema: { enum?: string[] } }[] };
    const groupBy = fatalities.parameters.find((parameter) => parameter.name === 'groupBy');
    expect(groupBy?.schema.enum).toEqual(['year', 'mission', 'personnelType', 'nationality', 'type']);
    expect(fatalities.parameters.map((parameter) => parameter.name)).toEqual(
      expect.arrayContaining(['from', 'to', 'category', 'mission', 'hostState', 'groupBy']),
    );
    const report = document.paths['/v1/reports/accountability']?.['get'];
    expect(Object.keys(report?.responses['200']?.content ?? {}).sort()).toEqual(['application/json', 'text/csv']);
    expect(report?.responses['200']?.content?.['application/json']?.schema).toEqual({ $ref: '#/components/schemas/AccountabilityReport' });
    const stream = document.paths['/v1/analytics/stream']?.['get'];
    expect(Object.keys(stream?.responses['200']?.content ?? {})).toEqual(['text/event-stream']);
    expect(document.components.schemas['IndicatorChanged']).toBeDefined();
  });

  it('documents the notification routes with their contract bodies and answers', () => {
    const createSubscription = document.paths['/v1/subscriptions']?.['post'];
    expect(createSubscription?.requestBody?.content['application/json']?.schema).toEqual({ $ref: '#/components/schemas/CreateSubscriptionRequest' });
    expect(createSubscription?.responses['201']?.content?.['application/json']?.schema).toEqual({
      $ref: '#/components/schemas/CreatedSubscriptionView',
    });
    expect(Object.keys(document.paths['/v1/focal-points/{id}'] ?? {}).sort()).toEqual(['delete', 'get']);
    expect(Object.keys(document.paths['/v1/notifications/{id}/redeliver']?.['post']?.responses ?? {})).toEqual(
      expect.arrayContaining(['200', '400', '404', '409']),
    );
  });

  it('holds the very schemas the gateway validates with', () => {
    const validated = contractSchemaComponents();
    for (const name of [
      'ReportIncidentRequest',
      'ReportedCasualty',
      'ReferralRequest',
      'CaseListQuery',
      'FatalitiesQuery',
      'AccountabilityQuery',
      'CreateSubscriptionRequest',
      'SubscriptionFiltersRequest',
      'NotificationListQuery',
    ]) {
      expect(document.components.schemas[name]).toEqual(validated[name]);
    }
  });

  it('asks for a bearer JWT on every operation but the public ones, /v1/health among them', () => {
    expect(document.components.securitySchemes).toEqual({ bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } });
    expect(document.security).toEqual([{ bearer: [] }]);
    expect(document.paths['/v1/health']?.['get']?.security).toEqual([]);
    const operations = Object.entries(document.paths).flatMap(([path, byMethod]) =>
      Object.entries(byMethod).map(([method, operation]) => ({ name: `${method.toUpperCase()} ${routeOf(path)}`, security: operation.security })),
    );
    const publicRoutes = new Set(ENDPOINT_ACCESS.filter((rule) => rule.roles === 'public').map((rule) => `${rule.method} ${rule.path}`));
    expect(operations.filter(({ security }) => security !== undefined)).toEqual(
      operations.filter(({ name }) => publicRoutes.has(name)).map(({ name }) => ({ name, security: [] })),
    );
    expect(operations.filter(({ name }) => !publicRoutes.has(name)).length).toBeGreaterThan(25);
  });

  it('names on each operation the roles ENDPOINT_ACCESS allows, and documents every route of the table', () => {
    const documented = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.entries(operations).map(([method, operation]) => ({ method: method.toUpperCase(), route: routeOf(path), roles: operation['x-bluehelm-roles'] })),
    );
    const expected = documented.map(({ method, route }) => ({
      method,
      route,
      roles: ENDPOINT_ACCESS.find((rule) => rule.method === method && rule.path === route)?.roles,
    }));
    expect(documented).toEqual(expected);
    expect(documented.every(({ roles }) => roles !== undefined)).toBe(true);

    const undocumented = ENDPOINT_ACCESS.filter((rule) => !rule.path.startsWith('/docs'))
      .filter((rule) => !documented.some(({ method, route }) => method === rule.method && route === rule.path))
      .map((rule) => `${rule.method} ${rule.path}`);
    expect(undocumented).toEqual([]);
  });

  it('is browsable with Swagger UI at /docs', async () => {
    const page = await fetch(`${gateway.url}/docs`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toContain('/docs/ui/swagger-ui-bundle.js');
    const bundle = await fetch(`${gateway.url}/docs/ui/swagger-ui-bundle.js`);
    expect(bundle.status).toBe(200);
    expect((await bundle.arrayBuffer()).byteLength).toBeGreaterThan(100_000);
    expect((await fetch(`${gateway.url}/docs/ui/package.json`)).status).toBe(404);
  });
});

import { PROBLEM_CONTENT_TYPE, contractSchemaComponents, type ContractRequestName, type JsonSchema } from '@bluehelm/contracts';
import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiHeader, ApiParam, ApiQuery, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import type { ReplySchemaName } from './reply-schemas.js';

/*
 * Decorators that describe the routes in the OpenAPI document with the schemas the gateway
 * really uses: request bodies and queries are the contracts' classes, as validated.
 */

const PROBLEM_DESCRIPTIONS: Readonly<Record<number, string>> = {
  400: 'The body is not JSON, or a path id, a query or a header cannot be read',
  404: 'No such incident, case or accused person',
  409: 'A conflict: a reportId reused for another report, or a step the case rules forbid (`code` names the rule)',
  412: 'If-Match names a revision the case is no longer at',
  413: 'The body is larger than 1 MiB',
  415: 'The body is not application/json',
  422: 'The request is not valid: `errors` lists every failing field path',
  502: 'The service answered with an error',
  503: 'The service is not running',
  504: 'The service did not answer in time',
};

/** The answers that hold for every route that asks a service. */
const SERVICE_FAILURES = [502, 503, 504] as const;

let contractComponents: Record<string, JsonSchema> | undefined;
function contractComponent(name: ContractRequestName): JsonSchema {
  contractComponents ??= contractSchemaComponents();
  const schema = contractComponents[name];
  if (schema === undefined) throw new Error(`no contract schema named ${name}`);
  return schema;
}

/** Problem answers (`application/problem+json`), with the service failures every route can give. */
export function ApiProblems(...statuses: number[]): MethodDecorator {
  const all = [...new Set([...statuses, ...SERVICE_FAILURES])].sort((a, b) => a - b);
  return applyDecorators(
    ...all.map((status) =>
      ApiResponse({
        status,
        description: PROBLEM_DESCRIPTIONS[status] ?? 'A problem',
        content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath('Problem') } } },
      }),
    ),
  );
}

/** A JSON success answer whose schema is one of the reply components. */
export function ApiJsonReply(
  status: number,
  description: string,
  schema: ReplySchemaName,
  headers: Readonly<Record<string, string>> = {},
): MethodDecorator {
  return ApiResponse({
    status,
    description,
    content: { 'application/json': { schema: { $ref: getSchemaPath(schema) } } },
    headers: Object.fromEntries(Object.entries(headers).map(([name, text]) => [name, { description: text, schema: { type: 'string' } }])),
  });
}

/** A JSON request body validated against a contracts class. */
export function ApiContractBody(name: ContractRequestName): MethodDecorator {
  return applyDecorators(ApiConsumes('application/json'), ApiBody({ required: true, schema: { $ref: getSchemaPath(name) } }));
}

/** One query parameter per field of a contracts query class, each with the field's own schema. */
export function ApiContractQuery(name: ContractRequestName): MethodDecorator {
  const properties = (contractComponent(name)['properties'] ?? {}) as Record<string, JsonSchema>;
  return applyDecorators(
    ...Object.entries(properties).map(([field, schema]) =>
      ApiQuery({ name: field, required: false, schema: { ...schema } as Record<string, unknown> }),
    ),
  );
}

export function ApiUuidParam(name: string, description: string): MethodDecorator {
  return ApiParam({ name, description, schema: { type: 'string', format: 'uuid' } });
}

export function ApiActorHeader(): MethodDecorator {
  return ApiHeader({ name: 'X-Actor', required: false, description: 'Who asks, until authentication exists; `anonymous` when absent' });
}

export function ApiIfMatchHeader(): MethodDecorator {
  return ApiHeader({
    name: 'If-Match',
    required: false,
    description: 'The revision the client last saw (`5`, `"5"` or `W/"5"`); 412 if the case has moved on',
  });
}

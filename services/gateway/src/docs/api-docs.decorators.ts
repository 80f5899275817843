import { PROBLEM_CONTENT_TYPE, contractSchemaComponents, type ContractRequestName, type JsonSchema } from '@bluehelm/contracts';
import { applyDecorators } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiHeader,
  ApiParam,
  ApiProduces,
  ApiQuery,
  ApiResponse,
  getSchemaPath,
  type MediaTypeObject,
  type ReferenceObject,
} from '@nestjs/swagger';
import type { ReplySchemaName } from './reply-schemas.js';

/*
 * Decorators that describe the routes in the OpenAPI document with the schemas the gateway
 * really uses: request bodies and queries are the contracts' classes, as validated.
 */

const PROBLEM_DESCRIPTIONS: Readonly<Record<number, string>> = {
  400: 'The body is not JSON, or a path id, a query or a header cannot be read',
  401: 'No token, or one that is expired, wrongly signed, for another audience or malformed',
  403: "The token's roles may not call this route, or the resource is outside its scope",
  404: 'No such incident, case, accused person, focal point, subscription or notification',
  409:
    'A conflict: a reportId reused for another report, a step the case rules forbid, or a redelivery of a ' +
    'notification that is no dead letter (`code` names the rule)',
  412: 'If-Match names a revision the case is no longer at',
  413: 'The body is larger than 1 MiB',
  415: 'The body is not application/json',
  429: 'More requests from this caller than RATE_LIMIT_PER_MINUTE allows; Retry-After says when to try again',
  422: 'The request is not valid: `errors` lists every failing field path',
  502: 'The service answered with an error',
  503: 'The service is not running (or the gateway cannot reach NATS)',
  504: 'The service did not answer in time',
};

/** The answers that hold for every route that asks a service (all of them need a token). */
const SERVICE_FAILURES = [401, 403, 429, 502, 503, 504] as const;

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
  return applyDecorators(...all.map(problemResponse));
}

function problemResponse(status: number): MethodDecorator {
  return ApiResponse({
    status,
    description: PROBLEM_DESCRIPTIONS[status] ?? 'A problem',
    content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath('Problem') } } },
  });
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

/** A report answered as JSON (the schema) or as CSV, by `format` or `Accept`. */
export function ApiJsonOrCsvReply(description: string, schema: ReplySchemaName): MethodDecorator {
  return ApiResponse({
    status: 200,
    description,
    content: {
      'application/json': { schema: { $ref: getSchemaPath(schema) } },
      'text/csv': { schema: { type: 'string', description: 'RFC 4180, a header line, one line per host state' } },
    },
    headers: { 'Content-Disposition': { description: 'For CSV: a file name made of the two clocks', schema: { type: 'string' } } },
  });
}

/** A Server-Sent Events answer whose events carry the JSON of one reply schema. */
export function ApiEventStream(eventName: string, schema: ReplySchemaName): MethodDecorator {
  // OpenAPI 3.1 has no way to type the events of a stream: the data's schema is named in an extension.
  const stream: MediaTypeObject & { readonly 'x-event-data': ReferenceObject } = {
    schema: { type: 'string', description: `event: ${eventName}\nid: <id>\ndata: <${schema} JSON>` },
    'x-event-data': { $ref: getSchemaPath(schema) },
  };
  return applyDecorators(
    ApiProduces('text/event-stream'),
    ApiResponse({
      status: 200,
      description: `Server-Sent Events: \`event: ${eventName}\`, an \`id\`, and \`data\` holding the JSON of ${schema} (x-event-data)`,
      content: { 'text/event-stream': stream },
    }),
    // The stream asks no service, so only a missing NATS connection can refuse it.
    problemResponse(503),
  );
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

export function ApiIfMatchHeader(): MethodDecorator {
  return ApiHeader({
    name: 'If-Match',
    required: false,
    description: 'The revision the client last saw (`5`, `"5"` or `W/"5"`); 412 if the case has moved on',
  });
}

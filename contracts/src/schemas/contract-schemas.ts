import { targetConstructorToSchema } from 'class-validator-jsonschema';
import { ReportedCasualty } from '../requests/reported-casualty.request.js';
import { ReportedLocation } from '../requests/reported-location.request.js';
import { ReportedPerpetrator } from '../requests/reported-perpetrator.request.js';
import { ReportedWitness } from '../requests/reported-witness.request.js';
import { CONTRACT_REQUEST_CLASSES, type ContractRequestName } from './contract-request-classes.js';
import { schemaConverters } from './schema-converters.js';

export type JsonSchema = { readonly [keyword: string]: unknown };

const NESTED_CLASSES = { ReportedLocation, ReportedCasualty, ReportedPerpetrator, ReportedWitness } as const;

const JSON_SCHEMA_DRAFT = 'http://json-schema.org/draft-07/schema#';
const DEFINITIONS_PREFIX = '#/definitions/';

/**
 * Every request and nested class as a schema component, for an OpenAPI document: components refer
 * to one another through `refPointerPrefix` (OpenAPI's `#/components/schemas/` by default).
 * Unknown fields are rejected (`additionalProperties: false`), as validateRequest does.
 */
export function contractSchemaComponents(refPointerPrefix = '#/components/schemas/'): Record<string, JsonSchema> {
  const classes = { ...CONTRACT_REQUEST_CLASSES, ...NESTED_CLASSES };
  const options = { refPointerPrefix, additionalConverters: schemaConverters(refPointerPrefix) };
  return Object.fromEntries(
    Object.entries(classes).map(([name, requestClass]) => [
      name,
      { ...(targetConstructorToSchema(requestClass, options) as JsonSchema), additionalProperties: false },
    ]),
  );
}

/**
 * One self-contained JSON Schema (draft-07) per request and query, by class name: nested classes
 * are inlined under `definitions`, so each schema compiles on its own in any validator.
 */
export function contractSchemas(): Record<ContractRequestName, JsonSchema> {
  const components = contractSchemaComponents(DEFINITIONS_PREFIX);
  const schemas: Partial<Record<ContractRequestName, JsonSchema>> = {};
  for (const name of Object.keys(CONTRACT_REQUEST_CLASSES) as ContractRequestName[]) {
    const referenced = [...referencedNames(components[name], components)];
    const standalone = { $schema: JSON_SCHEMA_DRAFT, ...components[name] };
    schemas[name] =
      referenced.length === 0
        ? standalone
        : { ...standalone, definitions: Object.fromEntries(referenced.map((ref) => [ref, components[ref]])) };
  }
  return schemas as Record<ContractRequestName, JsonSchema>;
}

/** The component names a schema refers to, directly or through other components. */
function referencedNames(schema: unknown, components: Record<string, JsonSchema>, found = new Set<string>()): Set<string> {
  if (Array.isArray(schema)) {
    schema.forEach((item) => referencedNames(item, components, found));
  } else if (typeof schema === 'object' && schema !== null) {
    for (const [keyword, value] of Object.entries(schema)) {
      if (keyword === '$ref' && typeof value === 'string' && value.startsWith(DEFINITIONS_PREFIX)) {
        const name = value.slice(DEFINITIONS_PREFIX.length);
        if (!found.has(name)) {
          found.add(name);
          referencedNames(components[name], components, found);
        }
      } else {
        referencedNames(value, components, found);
      }
    }
  }
  return found;
}

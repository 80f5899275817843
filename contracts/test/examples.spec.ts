import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import Ajv, { type ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';
import {
  CONTRACT_REQUEST_CLASSES,
  contractSchemas,
  validateRequest,
  type ContractRequestName,
} from '@bluehelm/contracts';

const examplesDir = new URL('../examples/', import.meta.url);
const today = '2026-11-23';

interface InvalidExample {
  readonly description: string;
  readonly expectedErrorPaths: readonly string[];
  readonly body: unknown;
}

/** The request fields an Ajv error is about, written as validateRequest writes paths. */
function fieldPathsOf(error: ErrorObject): string[] {
  const base = error.instancePath
    .split('/')
    .slice(1)
    .map((token) => (/^\d+$/.test(token) ? `[${token}]` : `.${token}`))
    .join('')
    .replace(/^\./, '');
  const child = (name: string) => (base === '' ? name : `${base}.${name}`);
  switch (error.keyword) {
    case 'if':
      return []; // always paired with the error of the `then` or `else` branch
    case 'required':
      return [child(String(error.params['missingProperty']))];
    case 'additionalProperties':
      return [child(String(error.params['additionalProperty']))];
    case 'not': {
      // The cross-field rules say "this field must be absent" as `not: { required: [field] }`.
      const forbidden = (error.schema as { required?: string[] }).required ?? [];
      return forbidden.length > 0 ? forbidden.map(child) : [base];
    }
    default:
      return [base];
  }
}

function kebabCase(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

function jsonFilesIn(folder: URL): { readonly file: string; readonly content: unknown }[] {
  let files: string[];
  try {
    files = readdirSync(folder).filter((file) => file.endsWith('.json'));
  } catch {
    return [];
  }
  return files.sort().map((file) => ({ file, content: JSON.parse(readFileSync(new URL(file, folder), 'utf8')) as unknown }));
}

const schemas = contractSchemas();
const ajv = new Ajv({ allErrors: true, verbose: true });
addFormats(ajv);
const names = Object.keys(CONTRACT_REQUEST_CLASSES) as ContractRequestName[];

describe.each(names)('%s', (name) => {
  const folder = kebabCase(name);
  const valid = jsonFilesIn(new URL(`${folder}/`, examplesDir));
  const invalid = jsonFilesIn(new URL(`invalid/${folder}/`, examplesDir)).map(({ file, content }) => ({
    file,
    example: content as InvalidExample,
  }));
  const schemaAccepts = ajv.compile(schemas[name]);

  it('has documented valid and broken examples', () => {
    expect(valid.length).toBeGreaterThan(0);
    expect(invalid.length).toBeGreaterThan(0);
  });

  it.each(valid)('the schema and validateRequest accept $file', ({ content }) => {
    const accepted = schemaAccepts(content);
    expect(schemaAccepts.errors ?? []).toEqual([]);
    expect(accepted).toBe(true);
    const outcome = validateRequest(CONTRACT_REQUEST_CLASSES[name], content, { today });
    expect(outcome.ok ? [] : outcome.problem.errors).toEqual([]);
  });

  it.each(invalid)('the schema rejects $file at the same paths', ({ example }) => {
    expect(schemaAccepts(example.body)).toBe(false);
    const paths = new Set((schemaAccepts.errors ?? []).flatMap(fieldPathsOf));
    expect([...paths].sort()).toEqual([...example.expectedErrorPaths].sort());
  });

  it.each(invalid)('validateRequest names the failing paths of $file', ({ example }) => {
    const outcome = validateRequest(CONTRACT_REQUEST_CLASSES[name], example.body, { today });
    if (outcome.ok) throw new Error(`${example.description}: accepted`);
    expect(outcome.problem.status).toBe(422);
    const paths = [...new Set(outcome.problem.errors?.map((error) => error.path))].sort();
    expect(paths).toEqual([...example.expectedErrorPaths].sort());
  });
});

describe('example folders', () => {
  it('are all named after a published schema', () => {
    const known = new Set(names.map(kebabCase));
    const folders = readdirSync(examplesDir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && entry.name !== 'invalid')
      .map((entry) => entry.name);
    const invalidFolders = readdirSync(new URL('invalid/', examplesDir));
    expect([...folders, ...invalidFolders].filter((folder) => !known.has(folder))).toEqual([]);
  });
});

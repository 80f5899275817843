/** Reading untyped YAML (Compose files, Kubernetes manifests) without trusting its shape. */
import { readFileSync } from 'node:fs';
import YAML from 'yaml';

export type YamlMap = Readonly<Record<string, unknown>>;

export class YamlSyntaxError extends Error {
  override readonly name = 'YamlSyntaxError';
  constructor(file: string, problems: readonly string[]) {
    super(`${file}: ${problems.join('; ')}`);
  }
}

/** Every document of the file, anchors and `<<` merge keys resolved as Compose resolves them. */
export function readYamlDocuments(file: string): YamlMap[] {
  const documents = YAML.parseAllDocuments(readFileSync(file, 'utf8'), { merge: true });
  const problems = documents.flatMap((document) => document.errors.map((error) => error.message));
  if (problems.length > 0) throw new YamlSyntaxError(file, problems);
  return documents.map((document) => mapOf(document.toJSON())).filter((document) => Object.keys(document).length > 0);
}

export function mapOf(value: unknown): YamlMap {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as YamlMap) : {};
}

export function listOf(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

/** A scalar as text (YAML may read `"8080"` and `8080` differently); undefined otherwise. */
export function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

export function textsOf(value: unknown): string[] {
  return listOf(value).flatMap((item) => textOf(item) ?? []);
}

/** The value at a path of keys, e.g. at(service, 'deploy', 'resources', 'limits'). */
export function at(value: unknown, ...keys: string[]): unknown {
  return keys.reduce<unknown>((current, key) => mapOf(current)[key], value);
}

/**
 * What the code says a deployment must match: the services and their default ports
 * (services/<dir>/src/main.ts), the settings each reads with their defaults (its config class),
 * the probe paths (libs/service-kit and the gateway) and the shutdown timing.
 */
import { getMetadataStorage } from 'class-validator';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ServiceInCode {
  readonly name: string;
  /** Its folder below services/. */
  readonly directory: string;
  readonly defaultPort: number;
  /** main.ts's config class, as a path below the service's src folder; undefined: the kit's own. */
  readonly configModule: { readonly file: string; readonly className: string } | undefined;
}

export interface ProbePaths {
  /** The service kit's liveness and readiness routes, served by every service. */
  readonly live: string;
  readonly ready: string;
  /** The gateway's route that answers for the whole system. */
  readonly systemHealth: string;
}

export class CodeFactNotFoundError extends Error {
  override readonly name = 'CodeFactNotFoundError';
  constructor(file: string, what: string) {
    super(`${file}: ${what} not found; the deployment test reads it from there`);
  }
}

export function readServicesInCode(root: string): ServiceInCode[] {
  const servicesDir = join(root, 'services');
  return readdirSync(servicesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => serviceInCode(servicesDir, entry.name))
    .sort((a, b) => a.name.localeCompare(b.name));
}

function serviceInCode(servicesDir: string, directory: string): ServiceInCode {
  const mainFile = join(servicesDir, directory, 'src', 'main.ts');
  const source = readFileSync(mainFile, 'utf8');
  const name = /\bname:\s*'([a-z-]+)'/.exec(source)?.[1];
  const port = /\bdefaultPort:\s*([\d_]+)/.exec(source)?.[1];
  if (name === undefined) throw new CodeFactNotFoundError(mainFile, 'the service name (name: ...)');
  if (port === undefined) throw new CodeFactNotFoundError(mainFile, 'the default port (defaultPort: ...)');
  const defaultPort = Number(port.replace(/_/g, ''));
  const className = /\bconfigClass:\s*(\w+)/.exec(source)?.[1];
  if (className === undefined) return { name, directory, defaultPort, configModule: undefined };
  const importPath = new RegExp(`import\\s*\\{[^}]*\\b${className}\\b[^}]*\\}\\s*from\\s*'\\./([^']+)\\.js'`).exec(source)?.[1];
  if (importPath === undefined) throw new CodeFactNotFoundError(mainFile, `the import of ${className}`);
  return { name, directory, defaultPort, configModule: { file: `${importPath}.ts`, className } };
}

/**
 * Every setting the service reads, with its default: the fields of its config class (every
 * field is a setting, see ServiceConfig), read from an instance as the loader builds it, and
 * the optional ones without a default (undefined here) from their validation rules.
 */
export async function readSettingDefaults(root: string, service: ServiceInCode): Promise<Map<string, unknown>> {
  const module = service.configModule
    ? { file: join(root, 'services', service.directory, 'src', service.configModule.file), className: service.configModule.className }
    : { file: join(root, 'libs', 'service-kit', 'src', 'config', 'service-config.ts'), className: 'ServiceConfig' };
  const exports = (await import(module.file)) as Record<string, new () => object>;
  const configClass = exports[module.className];
  if (configClass === undefined) throw new CodeFactNotFoundError(module.file, `the class ${module.className}`);
  const optional = getMetadataStorage()
    .getTargetValidationMetadatas(configClass, '', true, false)
    .map((rule): [string, unknown] => [rule.propertyName, undefined]);
  return new Map([...optional, ...Object.entries(new configClass())]);
}

/**
 * A setting a deployment must give, because its default only works with everything on one
 * machine: a local file (`sqlite:`), a loopback server, nothing at all, or a reserved `.invalid`
 * address.
 */
export function needsDeploymentValue(defaultValue: unknown): boolean {
  if (typeof defaultValue !== 'string') return false;
  return defaultValue.trim() === '' || /^sqlite:|\b127\.0\.0\.1\b|\blocalhost\b|\.invalid\b/.test(defaultValue);
}

export function readProbePaths(root: string): ProbePaths {
  const kitFile = join(root, 'libs', 'service-kit', 'src', 'health', 'health.controller.ts');
  const kit = readFileSync(kitFile, 'utf8');
  const kitPrefix = controllerPrefixOf(kitFile, kit);
  const gatewayFile = join(root, 'services', 'gateway', 'src', 'health', 'services-health.controller.ts');
  const gateway = readFileSync(gatewayFile, 'utf8');
  return {
    live: joinRoute(kitPrefix, routeOfMethod(kitFile, kit, 'live')),
    ready: joinRoute(kitPrefix, routeOfMethod(kitFile, kit, 'ready')),
    systemHealth: joinRoute(controllerPrefixOf(gatewayFile, gateway), routeOfMethod(gatewayFile, gateway, 'health')),
  };
}

function controllerPrefixOf(file: string, source: string): string {
  const prefix = /@Controller\('([^']*)'\)/.exec(source)?.[1];
  if (prefix === undefined) throw new CodeFactNotFoundError(file, "@Controller('...')");
  return prefix;
}

/** The path of `@Get('x')` (or `@Get()`) on the handler named `method`. */
function routeOfMethod(file: string, source: string, method: string): string {
  const match = new RegExp(`@Get\\((?:'([^']*)')?\\)\\s*(?:async\\s+)?${method}\\(`).exec(source);
  if (match === null) throw new CodeFactNotFoundError(file, `the @Get route of ${method}()`);
  return match[1] ?? '';
}

function joinRoute(...parts: string[]): string {
  return `/${parts.filter((part) => part !== '').join('/')}`;
}

/** The time a stopping service gives to closing connections after its in-flight wait. */
export function readClosingGraceMs(root: string): number {
  const file = join(root, 'libs', 'service-kit', 'src', 'bootstrap-service.ts');
  const value = /CLOSING_GRACE_MS\s*=\s*([\d_]+)/.exec(readFileSync(file, 'utf8'))?.[1];
  if (value === undefined) throw new CodeFactNotFoundError(file, 'CLOSING_GRACE_MS');
  return Number(value.replace(/_/g, ''));
}

export function readReleaseVersion(root: string): string {
  return (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
}

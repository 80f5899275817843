import { redactPassword } from '@bluehelm/event-store';
import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';

/** One or more settings are invalid; the message names each one and the value it had. */
export class ConfigurationError extends Error {
  override readonly name = 'ConfigurationError';
  constructor(readonly problems: readonly string[]) {
    super(problems.join('; '));
  }
}

type ConfigClass<T extends object> = new () => T;

/**
 * Reads the exposed fields of `configClass` from `env` and validates them. A variable that is
 * unset or blank takes its value from `defaults`, else from the class's field initializer.
 * Throws ConfigurationError.
 */
export function loadConfig<T extends object>(
  configClass: ConfigClass<T>,
  env: Readonly<Record<string, string | undefined>>,
  defaults: Partial<T> = {},
): T {
  const setVariables: Record<string, string> = Object.fromEntries(
    Object.entries(env).filter((entry): entry is [string, string] => isSet(entry[1])),
  );
  const config = plainToInstance(configClass, setVariables, {
    excludeExtraneousValues: true,
    exposeDefaultValues: true,
  });
  for (const [key, value] of Object.entries(defaults)) {
    if (!(key in setVariables)) Object.assign(config, { [key]: value });
  }
  const errors = validateSync(config, { forbidUnknownValues: true });
  if (errors.length > 0) {
    throw new ConfigurationError(errors.map((error) => describe(error, setVariables[error.property])));
  }
  return config;
}

function isSet(value: string | undefined): value is string {
  return value !== undefined && value.trim() !== '';
}

function describe(error: ValidationError, rawValue: string | undefined): string {
  // The same message often comes from several constraints (IsInt, Min, Max): say it once.
  const messages = [...new Set(Object.values(error.constraints ?? {}))];
  const what = messages.length > 0 ? messages.join(', ') : `${error.property} is invalid`;
  const got = rawValue === undefined ? 'its default' : `"${rawValue.split(',').map(redactPassword).join(',')}"`;
  return `${what} (got ${got})`;
}

import { eventStoreKindOf } from '@bluehelm/event-store';
import { registerDecorator, type ValidationOptions } from 'class-validator';

/** Accepts the URLs `createEventStore` can open; the scheme check is the event store's own. */
export function IsEventStoreUrl(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isEventStoreUrl',
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: {
        validate(value: unknown): boolean {
          if (typeof value !== 'string') return false;
          try {
            eventStoreKindOf(value);
            return true;
          } catch {
            return false;
          }
        },
      },
    });
}

const NATS_SCHEMES = new Set(['nats:', 'tls:', 'ws:', 'wss:']);

/** One NATS server URL; the scheme may be left out (`host:port`), as the NATS client allows. */
export function isNatsServerUrl(candidate: string): boolean {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(candidate) ? candidate : `nats://${candidate}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return false;
  }
  return NATS_SCHEMES.has(url.protocol) && url.hostname !== '' && (url.pathname === '' || url.pathname === '/');
}

/** The comma-separated list of servers that `NATS_URL` holds, blanks dropped. */
export function natsServersOf(natsUrl: string): string[] {
  return natsUrl
    .split(',')
    .map((server) => server.trim())
    .filter((server) => server !== '');
}

/** Accepts a comma-separated list of NATS server URLs with at least one entry. */
export function IsNatsServerList(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isNatsServerList',
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: {
        validate(value: unknown): boolean {
          if (typeof value !== 'string') return false;
          const servers = natsServersOf(value);
          return servers.length > 0 && servers.every(isNatsServerUrl);
        },
      },
    });
}

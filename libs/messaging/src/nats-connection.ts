import { connect, type NatsConnection } from '@nats-io/transport-node';
import { NatsUnreachableError } from './errors.js';

/**
 * Client behaviour shared by every Bluehelm NATS connection (plain clients and the NestJS
 * transport alike). Once connected, a client never gives up: in a cluster one server going away
 * is routine, and the client walks the server list (the configured one plus the servers the
 * cluster announces) until one answers again.
 */
export const NATS_CLIENT_SETTINGS = {
  reconnect: true,
  maxReconnectAttempts: -1,
  reconnectTimeWait: 1000,
  reconnectJitter: 250,
  // A server that stops answering pings is given up on after about a minute and a half
  // rather than the client's default of several minutes.
  pingInterval: 30_000,
  maxPingOut: 3,
  // Without it the client captures a stack trace for every request it sends, in case the request
  // fails: a measurable share of the gateway's and intake's time per report, for a trace that
  // would only show the client's own frames.
  noAsyncTraces: true,
} as const;

/**
 * Who connects: the service's own NATS user (the `NATS_USER` and `NATS_PASSWORD` settings), whose
 * permissions the server's configuration sets (nats-permissions.ts). Both unset on a server
 * without users.
 */
export interface NatsCredentials {
  readonly user?: string;
  readonly pass?: string;
}

/** The client options for the credentials: none when no user is given. */
export function natsCredentialOptions(credentials: NatsCredentials): { user?: string; pass?: string } {
  if (credentials.user === undefined) return {};
  return { user: credentials.user, ...(credentials.pass !== undefined && { pass: credentials.pass }) };
}

export interface NatsConnectionSettings extends NatsCredentials {
  /** One server or a comma-separated list: `nats://a:4222,nats://b:4222` (the `NATS_URL` setting). */
  readonly url: string;
  /** Shown by the server's monitoring pages: use the service name and replica. */
  readonly name: string;
  /** How long the first connection may take per server before it counts as unreachable. */
  readonly connectTimeoutMs?: number;
  readonly token?: string;
}

/** Splits a `NATS_URL` setting into the server list the client expects. */
export function parseNatsServers(url: string): string[] {
  const servers = url
    .split(',')
    .map((server) => server.trim())
    .filter((server) => server !== '');
  if (servers.length === 0) {
    throw new NatsUnreachableError(['(none)'], `the NATS URL "${url}" names no server`);
  }
  return servers;
}

/**
 * Connects to the first reachable server of the list. The first connection fails fast (after
 * trying each server once) with NatsUnreachableError, so a misconfigured process stops at start
 * with one clear line instead of waiting silently.
 */
export async function connectNats(settings: NatsConnectionSettings): Promise<NatsConnection> {
  const servers = parseNatsServers(settings.url);
  try {
    return await connect({
      servers,
      name: settings.name,
      timeout: settings.connectTimeoutMs ?? 5000,
      ...NATS_CLIENT_SETTINGS,
      ...natsCredentialOptions(settings),
      ...(settings.token !== undefined ? { token: settings.token } : {}),
    });
  } catch (error) {
    throw new NatsUnreachableError(servers.map(redactCredentials), describeConnectFailure(error));
  }
}

function describeConnectFailure(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? error.cause.message : undefined;
  return cause && !error.message.includes(cause) ? `${error.message} (${cause})` : error.message;
}

function redactCredentials(server: string): string {
  return server.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@').replace(/\/\/[^:/@]+@/, '//***@');
}

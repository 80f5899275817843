import type { LedRelayActivity, LedRelayOptions } from './led-relay.js';
import type { NatsConnectionSettings } from './nats-connection.js';

/** What a relay thread is started with: all of it plain data, copied into the thread. */
export interface RelayThreadSettings {
  /** The relay itself; its store and JetStream client are opened in the thread. */
  readonly relay: Omit<LedRelayOptions, 'store' | 'jetstream' | 'onError' | 'onLeadershipChange'>;
  /** The service's `EVENT_STORE_URL`: the thread opens the same store for itself. */
  readonly eventStoreUrl: string;
  /** The service's own NATS user; the thread has a connection of its own. */
  readonly nats: NatsConnectionSettings;
}

/** From the service to its relay thread. */
export type RelayThreadCommand = { readonly type: 'stop' };

/** From the relay thread to the service. */
export type RelayThreadReport =
  | { readonly type: 'started' }
  | { readonly type: 'start-failed'; readonly message: string }
  | { readonly type: 'error'; readonly during: LedRelayActivity; readonly message: string }
  | { readonly type: 'leadership'; readonly leading: boolean; readonly holder: string }
  | { readonly type: 'stopped'; readonly failure?: string };

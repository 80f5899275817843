import { randomUUID } from 'node:crypto';
import type { CommandContext } from '@bluehelm/event-sourcing';

interface Requester {
  readonly actor?: unknown;
  readonly correlationId?: unknown;
}

/** Who asked and when, for the metadata of the events a request writes. */
export function commandContextOf(message: Requester | undefined, now = new Date()): CommandContext {
  const actor = typeof message?.actor === 'string' && message.actor.trim() !== '' ? message.actor : 'anonymous';
  const correlationId =
    typeof message?.correlationId === 'string' && message.correlationId.trim() !== '' ? message.correlationId : randomUUID();
  return { actor, correlationId, now, newEventId: randomUUID };
}

/** The id of a get or delete message, or undefined when it carries none. */
export function resourceIdOf(message: unknown): string | undefined {
  const id = (message as { id?: unknown } | null | undefined)?.id;
  return typeof id === 'string' && id.trim() !== '' ? id : undefined;
}

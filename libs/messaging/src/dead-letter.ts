import type { JsMsg } from '@nats-io/jetstream';

/**
 * The JSON body of a message on `bluehelm.dead-letters.<durable>`: a message a consumer gave up
 * on, with why, so that someone can fix the cause and replay it.
 */
export interface DeadLetter {
  readonly durable: string;
  readonly stream: string;
  /** The subject the original message was published on. */
  readonly subject: string;
  readonly streamSequence: number;
  /** How many times the message was delivered, the failing delivery included. */
  readonly deliveryCount: number;
  readonly error: { readonly name: string; readonly message: string };
  /** The original message body, as text (UTF-8; undecodable bytes become U+FFFD). */
  readonly payload: string;
  readonly deadLetteredAt: string;
}

export function deadLetterOf(message: JsMsg, durable: string, error: unknown, now: Date): DeadLetter {
  return {
    durable,
    stream: message.info.stream,
    subject: message.subject,
    streamSequence: message.info.streamSequence,
    deliveryCount: message.info.deliveryCount,
    error: describeError(error),
    payload: new TextDecoder().decode(message.data),
    deadLetteredAt: now.toISOString(),
  };
}

/**
 * The dead letter's `Nats-Msg-Id`: the same original delivery always gives the same id, so a
 * dead letter published again after a failed attempt is stored once.
 */
export function deadLetterMessageId(letter: DeadLetter): string {
  return `${letter.stream}:${letter.durable}:${letter.streamSequence}`;
}

function describeError(error: unknown): DeadLetter['error'] {
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: 'NonErrorThrown', message: String(error) };
}

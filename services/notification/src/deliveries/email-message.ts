import type { NotificationKind } from '@bluehelm/contracts';

export interface EmailContent {
  readonly subject: string;
  readonly text: string;
}

function field(data: Record<string, unknown>, name: string): string {
  const value = data[name];
  return value === null || value === undefined ? 'unknown' : String(value);
}

function subjectOf(kind: NotificationKind, data: Record<string, unknown>): string {
  switch (kind) {
    case 'fatality':
      return `[Bluehelm] Fatality: ${field(data, 'fatalities')} killed, ${field(data, 'mission')}, ${field(data, 'occurredOn')}`;
    case 'case-step':
      return `[Bluehelm] Case ${field(data, 'caseId')}: ${field(data, 'eventType')} on ${field(data, 'on')}`;
    case 'stall-reminder':
      return `[Bluehelm] Case ${field(data, 'caseId')} has had no step since ${field(data, 'lastStepOn')}`;
    default: {
      const unknown: never = kind;
      throw new Error(`unknown notification kind ${String(unknown)}`);
    }
  }
}

/** The e-mail of a delivery, written from its stored body: the same text on every attempt. */
export function emailContentOf(kind: NotificationKind, body: string): EmailContent {
  const parsed = JSON.parse(body) as { type?: string; data?: Record<string, unknown> };
  const data = parsed.data ?? {};
  const lines = Object.entries(data).map(([name, value]) => `${name}: ${typeof value === 'object' ? JSON.stringify(value) : String(value)}`);
  return {
    subject: subjectOf(kind, data),
    text: [`Bluehelm notification (${parsed.type ?? kind})`, '', ...lines, ''].join('\n'),
  };
}

import { InvalidMessagingNameError } from './errors.js';

/** The names of the JetStream streams and the subject prefix their subjects start with. */
export interface JetStreamTopology {
  /** Stream of integration events, subjects `<subjectPrefix>.events.>`. */
  readonly eventsStream: string;
  /** Stream of messages no consumer could handle, subjects `<subjectPrefix>.dead-letters.>`. */
  readonly deadLetterStream: string;
  readonly subjectPrefix: string;
}

export const BLUEHELM_TOPOLOGY: JetStreamTopology = {
  eventsStream: 'BLUEHELM_EVENTS',
  deadLetterStream: 'BLUEHELM_DEAD_LETTERS',
  subjectPrefix: 'bluehelm',
};

/**
 * `<prefix>.events.<category>.<EventType>`. A dot, wildcard or blank inside the category or type
 * would add or break subject tokens, so such characters become `_` in the subject; the payload
 * still carries the exact names.
 */
export function integrationEventSubject(subjectPrefix: string, category: string, eventType: string): string {
  return `${eventsSubjectRoot(subjectPrefix)}.${subjectToken(category)}.${subjectToken(eventType)}`;
}

/** Every integration event (`<prefix>.events.>`), or those of one category (`<prefix>.events.case.>`). */
export function integrationEventsFilter(subjectPrefix: string, category?: string): string {
  const root = eventsSubjectRoot(subjectPrefix);
  return category === undefined ? `${root}.>` : `${root}.${subjectToken(category)}.>`;
}

export function deadLettersFilter(subjectPrefix: string): string {
  return `${assertSubjectPrefix(subjectPrefix)}.dead-letters.>`;
}

/** Where a durable consumer's dead letters go: `<prefix>.dead-letters.<durable>`. */
export function deadLetterSubject(subjectPrefix: string, durable: string): string {
  return `${assertSubjectPrefix(subjectPrefix)}.dead-letters.${assertJetStreamName('durable name', durable)}`;
}

/** Stream and durable names: no blanks, dots, wildcards or path separators. */
export function assertJetStreamName(what: string, name: string): string {
  if (!/^[A-Za-z0-9_-]+$/.test(name)) {
    throw new InvalidMessagingNameError(what, name, 'may contain only letters, digits, _ and -');
  }
  return name;
}

function eventsSubjectRoot(subjectPrefix: string): string {
  return `${assertSubjectPrefix(subjectPrefix)}.events`;
}

function assertSubjectPrefix(subjectPrefix: string): string {
  if (!/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/.test(subjectPrefix)) {
    throw new InvalidMessagingNameError('subject prefix', subjectPrefix, 'must be dot-separated letters, digits, _ and -');
  }
  return subjectPrefix;
}

function subjectToken(text: string): string {
  const token = text.replace(/[.*>\s]/g, '_');
  return token === '' ? '_' : token;
}

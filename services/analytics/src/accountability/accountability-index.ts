import { SUPPORT_KINDS } from '@bluehelm/contracts';
import { epochDayOf } from '../projection/world-period.js';
import { ACCOUNTABILITY_FACT_KINDS, type AccountabilityFact, type AccountabilityFactKind } from './accountability-facts.projection.js';

/** A fact in the compact form the report replays: numbers only. */
export interface IndexedFact {
  /** Index in ACCOUNTABILITY_FACT_KINDS. */
  readonly kind: number;
  /** The accused person's number within the case; -1 for a fact of the case itself. */
  readonly person: number;
  /** Days since 1970-01-01. */
  readonly day: number;
  /** Milliseconds since 1970-01-01T00:00:00Z. */
  readonly recordedAt: number;
  /** Index in SUPPORT_KINDS for a support action (`other` for a kind this version does not know); -1 otherwise. */
  readonly support: number;
}

/** A fact as the read model stores it: both clocks as numbers. */
export interface StoredFact {
  readonly position: number;
  readonly caseId: string;
  readonly kind: AccountabilityFactKind;
  readonly personId: string | null;
  /** Days since 1970-01-01. */
  readonly day: number;
  /** Milliseconds since 1970-01-01T00:00:00Z. */
  readonly recordedAt: number;
  readonly hostState: string | null;
  readonly mission: string | null;
  readonly supportKind: string | null;
}

/** Every fact of one case, in log order; the case itself is known once its `case-opened` fact is. */
export interface IndexedCase {
  readonly caseId: string;
  opened: { readonly hostState: string; readonly mission: string; readonly day: number; readonly recordedAt: number } | undefined;
  readonly facts: IndexedFact[];
  readonly persons: Map<string, number>;
}

export const FACT_KIND_CODES: ReadonlyMap<AccountabilityFactKind, number> = new Map(
  ACCOUNTABILITY_FACT_KINDS.map((kind, code) => [kind, code]),
);
const OTHER_SUPPORT = SUPPORT_KINDS.indexOf('other');

/**
 * The accountability facts of every case, in memory, appended to as the projection applies
 * events and never changed otherwise: the report replays them with its two clocks. Loaded from
 * the read model at start.
 */
export class AccountabilityIndex {
  private readonly byCase = new Map<string, IndexedCase>();
  private position = -1;

  /** The position of the last fact added. */
  get lastPosition(): number {
    return this.position;
  }

  get caseCount(): number {
    return this.byCase.size;
  }

  cases(): IterableIterator<IndexedCase> {
    return this.byCase.values();
  }

  /** Adds a fact as the projection derives it. */
  add(fact: AccountabilityFact): void {
    this.addStored({ ...fact, day: epochDayOf(fact.on), recordedAt: Date.parse(fact.recordedAt) });
  }

  /** Adds a fact; one at or before the last position added is already here and is ignored. */
  addStored(fact: StoredFact): void {
    if (fact.position <= this.position) return;
    this.position = fact.position;
    const indexed = this.caseOf(fact.caseId);
    const { day, recordedAt } = fact;
    if (fact.kind === 'case-opened') {
      indexed.opened ??= { hostState: fact.hostState ?? '', mission: fact.mission ?? '', day, recordedAt };
      return;
    }
    indexed.facts.push({
      kind: FACT_KIND_CODES.get(fact.kind) ?? -1,
      person: fact.personId === null ? -1 : personNumber(indexed, fact.personId),
      day,
      recordedAt,
      support: fact.kind === 'support-action' ? supportCode(fact.supportKind) : -1,
    });
  }

  /** Moves the position on past events that carried no fact, so that they are not offered again. */
  advanceTo(position: number): void {
    this.position = Math.max(this.position, position);
  }

  private caseOf(caseId: string): IndexedCase {
    let indexed = this.byCase.get(caseId);
    if (!indexed) {
      indexed = { caseId, opened: undefined, facts: [], persons: new Map() };
      this.byCase.set(caseId, indexed);
    }
    return indexed;
  }
}

function personNumber(indexed: IndexedCase, personId: string): number {
  let number = indexed.persons.get(personId);
  if (number === undefined) {
    number = indexed.persons.size;
    indexed.persons.set(personId, number);
  }
  return number;
}

function supportCode(kind: string | null): number {
  const code = kind === null ? -1 : (SUPPORT_KINDS as readonly string[]).indexOf(kind);
  return code < 0 ? OTHER_SUPPORT : code;
}

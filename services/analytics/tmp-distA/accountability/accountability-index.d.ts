import { type AccountabilityFact, type AccountabilityFactKind } from './accountability-facts.projection.js';
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
    opened: {
        readonly hostState: string;
        readonly mission: string;
        readonly day: number;
        readonly recordedAt: number;
    } | undefined;
    readonly facts: IndexedFact[];
    readonly persons: Map<string, number>;
}
export declare const FACT_KIND_CODES: ReadonlyMap<AccountabilityFactKind, number>;
/**
 * The accountability facts of every case, in memory, appended to as the projection applies
 * events and never changed otherwise: the report replays them with its two clocks. Loaded from
 * the read model at start.
 */
export declare class AccountabilityIndex {
    private readonly byCase;
    private position;
    /** The position of the last fact added. */
    get lastPosition(): number;
    get caseCount(): number;
    cases(): IterableIterator<IndexedCase>;
    /** Adds a fact as the projection derives it. */
    add(fact: AccountabilityFact): void;
    /** Adds a fact; one at or before the last position added is already here and is ignored. */
    addStored(fact: StoredFact): void;
    /** Moves the position on past events that carried no fact, so that they are not offered again. */
    advanceTo(position: number): void;
    private caseOf;
}
//# sourceMappingURL=accountability-index.d.ts.map
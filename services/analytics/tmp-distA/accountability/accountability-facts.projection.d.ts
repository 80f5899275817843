import { type RowProjection } from '../projection/row.projection.js';
/** What a fact says happened to a case (or to one of its accused persons). */
export declare const ACCOUNTABILITY_FACT_KINDS: readonly ["case-opened", "referred", "investigation-opened", "identified", "warrant-issued", "arrested", "charged", "tried", "convicted", "acquitted", "charges-dismissed", "sentenced", "appealed", "released", "support-action", "incident-linked", "case-closed"];
export type AccountabilityFactKind = (typeof ACCOUNTABILITY_FACT_KINDS)[number];
/**
 * One immutable fact of a case, with both of its clocks: `on`, the day in the world, and
 * `recordedAt`, when Bluehelm learnt it. The accountability report is a replay of these facts.
 */
export interface AccountabilityFact {
    readonly position: number;
    readonly caseId: string;
    readonly kind: AccountabilityFactKind;
    /** The accused person, for `identified` and the person steps. */
    readonly personId: string | null;
    /** `YYYY-MM-DD`; for `case-opened`, the first day of the incident's date. */
    readonly on: string;
    /** ISO date-time. */
    readonly recordedAt: string;
    /** Only on `case-opened`: where the case is tried, and for which mission. */
    readonly hostState: string | null;
    readonly mission: string | null;
    /** Only on `support-action`. */
    readonly supportKind: string | null;
}
/** Every fact of every case, one row per case event. */
export declare const accountabilityFactsProjection: RowProjection<AccountabilityFact>;
//# sourceMappingURL=accountability-facts.projection.d.ts.map
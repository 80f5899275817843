/** An event to append to a stream, with the metadata the event-sourcing kit writes. */
export interface GeneratedEvent {
    readonly streamName: string;
    readonly type: string;
    readonly data: unknown;
    readonly metadata: Readonly<Record<string, unknown>>;
}
/**
 * A realistic log: per case, a malicious act with its casualties, the case opened for it, and
 * the steps most cases go through (referral, investigation, suspects, warrants, charges, trials,
 * verdicts, sentences, appeals, support, closure), each recorded a few days after it happened;
 * plus one accident without a case for every five cases. About 7 events per case.
 */
export declare function generateCaseHistory(cases: number, seed?: number): Generator<GeneratedEvent>;
//# sourceMappingURL=case-history.generator.d.ts.map
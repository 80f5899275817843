import { SUPPORT_KINDS } from '@bluehelm/contracts';
import { epochDayOf } from '../projection/world-period.js';
import { ACCOUNTABILITY_FACT_KINDS } from './accountability-facts.projection.js';
export const FACT_KIND_CODES = new Map(ACCOUNTABILITY_FACT_KINDS.map((kind, code) => [kind, code]));
const OTHER_SUPPORT = SUPPORT_KINDS.indexOf('other');
/**
 * The accountability facts of every case, in memory, appended to as the projection applies
 * events and never changed otherwise: the report replays them with its two clocks. Loaded from
 * the read model at start.
 */
export class AccountabilityIndex {
    constructor() {
        this.byCase = new Map();
        this.position = -1;
    }
    /** The position of the last fact added. */
    get lastPosition() {
        return this.position;
    }
    get caseCount() {
        return this.byCase.size;
    }
    cases() {
        return this.byCase.values();
    }
    /** Adds a fact as the projection derives it. */
    add(fact) {
        this.addStored({ ...fact, day: epochDayOf(fact.on), recordedAt: Date.parse(fact.recordedAt) });
    }
    /** Adds a fact; one at or before the last position added is already here and is ignored. */
    addStored(fact) {
        if (fact.position <= this.position)
            return;
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
    advanceTo(position) {
        this.position = Math.max(this.position, position);
    }
    caseOf(caseId) {
        let indexed = this.byCase.get(caseId);
        if (!indexed) {
            indexed = { caseId, opened: undefined, facts: [], persons: new Map() };
            this.byCase.set(caseId, indexed);
        }
        return indexed;
    }
}
function personNumber(indexed, personId) {
    let number = indexed.persons.get(personId);
    if (number === undefined) {
        number = indexed.persons.size;
        indexed.persons.set(personId, number);
    }
    return number;
}
function supportCode(kind) {
    const code = kind === null ? -1 : SUPPORT_KINDS.indexOf(kind);
    return code < 0 ? OTHER_SUPPORT : code;
}
//# sourceMappingURL=accountability-index.js.map
import { CASE_FUNNEL_STAGES, PERSON_FUNNEL_STAGES, SUPPORT_KINDS, } from '@bluehelm/contracts';
import { epochDayOf } from '../projection/world-period.js';
import { FACT_KIND_CODES } from './accountability-index.js';
const CASE_STAGE_BIT = Object.fromEntries(CASE_FUNNEL_STAGES.map((stage, n) => [stage, 1 << n]));
const PERSON_STAGE_BIT = Object.fromEntries(PERSON_FUNNEL_STAGES.map((stage, n) => [stage, 1 << n]));
const EFFECTS = {
    'case-opened': { caseBit: CASE_STAGE_BIT.reported, personBit: 0 },
    referred: { caseBit: CASE_STAGE_BIT.referred, personBit: 0 },
    'investigation-opened': { caseBit: CASE_STAGE_BIT.investigationOpened, personBit: 0 },
    identified: { caseBit: CASE_STAGE_BIT.suspectIdentified, personBit: PERSON_STAGE_BIT.identified },
    'warrant-issued': { caseBit: 0, personBit: PERSON_STAGE_BIT.warrantIssued },
    arrested: { caseBit: 0, personBit: PERSON_STAGE_BIT.arrested },
    charged: { caseBit: CASE_STAGE_BIT.charged, personBit: PERSON_STAGE_BIT.charged },
    tried: { caseBit: CASE_STAGE_BIT.tried, personBit: PERSON_STAGE_BIT.tried },
    convicted: { caseBit: CASE_STAGE_BIT.convicted, personBit: PERSON_STAGE_BIT.convicted },
    acquitted: { caseBit: 0, personBit: PERSON_STAGE_BIT.acquitted },
    'charges-dismissed': { caseBit: 0, personBit: PERSON_STAGE_BIT.chargesDismissed },
    sentenced: { caseBit: 0, personBit: PERSON_STAGE_BIT.sentenced },
    appealed: { caseBit: 0, personBit: PERSON_STAGE_BIT.appealed },
    released: { caseBit: 0, personBit: PERSON_STAGE_BIT.released },
    'support-action': { caseBit: 0, personBit: 0 },
    'incident-linked': { caseBit: 0, personBit: 0 },
    'case-closed': { caseBit: CASE_STAGE_BIT.closed, personBit: 0 },
};
const EFFECT_BY_CODE = [...FACT_KIND_CODES].sort((a, b) => a[1] - b[1]).map(([kind]) => EFFECTS[kind]);
const CONVICTED = FACT_KIND_CODES.get('convicted') ?? -1;
const SUPPORT_ACTION = FACT_KIND_CODES.get('support-action') ?? -1;
/** The running counts of one host state. */
class HostStateTally {
    constructor(hostState) {
        this.hostState = hostState;
        this.caseStages = new Array(CASE_FUNNEL_STAGES.length).fill(0);
        this.personStages = new Array(PERSON_FUNNEL_STAGES.length).fill(0);
        this.supportActions = new Array(SUPPORT_KINDS.length).fill(0);
        this.daysToFirstConviction = [];
        this.stalled = 0;
    }
    toView() {
        return {
            hostState: this.hostState,
            cases: Object.fromEntries(CASE_FUNNEL_STAGES.map((stage, n) => [stage, this.caseStages[n]])),
            persons: Object.fromEntries(PERSON_FUNNEL_STAGES.map((stage, n) => [stage, this.personStages[n]])),
            stalled: this.stalled,
            supportActions: Object.fromEntries(SUPPORT_KINDS.map((kind, n) => [kind, this.supportActions[n]])),
            medianDaysToFirstConviction: medianOf(this.daysToFirstConviction),
        };
    }
}
/**
 * The accountability report, replayed from the facts: a case counts from its incident's date
 * (asOf) once its opening was recorded (knownAt); each of its facts counts when dated on or
 * before `asOf` and recorded at or before `knownAt`. Nothing but the question and the facts goes
 * in, so the same question over the same facts gives the same report.
 */
export function accountabilityReport(cases, question) {
    const asOfDay = epochDayOf(question.asOf);
    const knownAt = Date.parse(question.knownAt);
    const tallies = new Map();
    let personBits = new Int32Array(16);
    for (const indexed of cases) {
        const opened = indexed.opened;
        if (opened === undefined || opened.recordedAt > knownAt || opened.day > asOfDay)
            continue;
        if (question.hostState !== undefined && opened.hostState !== question.hostState)
            continue;
        if (question.mission !== undefined && opened.mission !== question.mission)
            continue;
        let tally = tallies.get(opened.hostState);
        if (!tally) {
            tally = new HostStateTally(opened.hostState);
            tallies.set(opened.hostState, tally);
        }
        if (personBits.length < indexed.persons.size)
            personBits = new Int32Array(indexed.persons.size * 2);
        personBits.fill(0, 0, indexed.persons.size);
        let caseBits = CASE_STAGE_BIT.reported;
        let lastStepDay = opened.day;
        let firstConvictionDay = Number.POSITIVE_INFINITY;
        for (const fact of indexed.facts) {
            if (fact.recordedAt > knownAt || fact.day > asOfDay)
                continue;
            if (fact.day > lastStepDay)
                lastStepDay = fact.day;
            const effect = EFFECT_BY_CODE[fact.kind];
            if (effect) {
                caseBits |= effect.caseBit;
                if (fact.person >= 0)
                    personBits[fact.person] |= effect.personBit;
            }
            if (fact.kind === CONVICTED && fact.day < firstConvictionDay)
                firstConvictionDay = fact.day;
            if (fact.kind === SUPPORT_ACTION && fact.support >= 0)
                tally.supportActions[fact.support] += 1;
        }
        countBits(caseBits, tally.caseStages);
        for (let person = 0; person < indexed.persons.size; person += 1)
            countBits(personBits[person], tally.personStages);
        if ((caseBits & CASE_STAGE_BIT.closed) === 0 && asOfDay - lastStepDay > question.stallDays)
            tally.stalled += 1;
        if (firstConvictionDay !== Number.POSITIVE_INFINITY)
            tally.daysToFirstConviction.push(firstConvictionDay - opened.day);
    }
    const hostStates = [...tallies.keys()].sort(byCodePoint).map((hostState) => tallies.get(hostState).toView());
    return { asOf: question.asOf, knownAt: question.knownAt, hostStates };
}
function countBits(bits, counts) {
    for (let n = 0; n < counts.length; n += 1) {
        if (bits & (1 << n))
            counts[n] += 1;
    }
}
function medianOf(values) {
    if (values.length === 0)
        return null;
    const sorted = [...values].sort((a, b) => a - b);
    const middle = sorted.length >> 1;
    return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
function byCodePoint(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
//# sourceMappingURL=accountability.report.js.map
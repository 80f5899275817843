import { firstDayOf, } from '@bluehelm/contracts';
import { SeededRandom } from './seeded-random.js';
const MISSIONS = [
    ['MINUSMA', 'MLI'],
    ['MONUSCO', 'COD'],
    ['MINUSCA', 'CAF'],
    ['UNMISS', 'SSD'],
    ['UNIFIL', 'LBN'],
];
const NATIONALITIES = ['BGD', 'BFA', 'TCD', 'EGY', 'GIN', 'IND', 'NPL', 'PAK', 'RWA', 'SEN', 'TGO'];
const TYPES = ['ied', 'ied', 'ied', 'ambush', 'ambush', 'base-attack', 'rocket-mortar', 'targeted-killing', 'other'];
const OUTCOMES = ['killed', 'killed', 'injured', 'injured', 'injured', 'abducted'];
const SUPPORT = ['forensic', 'technical', 'logistics', 'court-security', 'witness-protection', 'training'];
const DAY_MS = 86_400_000;
/**
 * A realistic log: per case, a malicious act with its casualties, the case opened for it, and
 * the steps most cases go through (referral, investigation, suspects, warrants, charges, trials,
 * verdicts, sentences, appeals, support, closure), each recorded a few days after it happened;
 * plus one accident without a case for every five cases. About 7 events per case.
 */
export function* generateCaseHistory(cases, seed = 2589) {
    const random = new SeededRandom(seed);
    for (let n = 0; n < cases; n += 1) {
        yield* caseWithIncident(random);
        if (n % 5 === 0)
            yield incident(random, 'accident', random.uuid()).event;
    }
}
function* caseWithIncident(random) {
    const incidentId = random.uuid();
    const { event: reported, mission, hostState, occurredOn } = incident(random, 'malicious-act', incidentId);
    yield reported;
    const caseId = random.uuid();
    const day0 = Date.parse(`${firstDayOf(occurredOn)}T00:00:00Z`);
    let clock = day0;
    const later = (minDays, maxDays) => (clock += random.integer(minDays, maxDays) * DAY_MS);
    const event = (type, data, on) => caseEvent(caseId, type, data, on + random.integer(1, 5) * DAY_MS);
    const onDay = (at) => new Date(at).toISOString().slice(0, 10);
    const openedOn = onDay(day0);
    yield event('CaseOpened', { caseId, incidentId, mission, hostState, incidentOccurredOn: occurredOn, openedOn }, later(0, 20));
    if (!random.chance(0.85))
        return;
    yield event('CaseReferred', { on: onDay(later(10, 90)), authority: 'Prosecutor' }, clock);
    if (random.chance(0.4))
        yield event('SupportActionRecorded', supportAction(random, onDay(later(5, 60))), clock);
    if (!random.chance(0.7))
        return;
    yield event('InvestigationOpened', { on: onDay(later(10, 120)), authority: 'Investigating judge' }, clock);
    if (random.chance(0.55)) {
        const persons = Array.from({ length: random.integer(1, 3) }, () => random.uuid());
        for (const personId of persons) {
            yield event('AccusedIdentified', { on: onDay(later(5, 60)), personId, name: 'Accused', kind: 'individual' }, clock);
        }
        for (const personId of persons)
            yield* personSteps(random, personId, later, onDay, event);
    }
    if (random.chance(0.3))
        yield event('SupportActionRecorded', supportAction(random, onDay(later(5, 60))), clock);
    if (random.chance(0.3))
        yield event('CaseClosed', { on: onDay(later(10, 200)), reason: 'proceedings ended' }, clock);
}
function* personSteps(random, personId, later, onDay, event) {
    const step = (stage, minDays, maxDays) => {
        const at = later(minDays, maxDays);
        return event(STEP_EVENTS[stage], { on: onDay(at), personId }, at);
    };
    if (random.chance(0.6))
        yield step('warrant-issued', 5, 60);
    if (random.chance(0.5))
        yield step('arrested', 5, 120);
    if (!random.chance(0.7))
        return;
    yield step('charged', 10, 200);
    if (!random.chance(0.6))
        return;
    const at = later(30, 400);
    yield event('AccusedTried', { on: onDay(at), personId, inAbsentia: random.chance(0.3) }, at);
    if (!random.chance(0.7)) {
        yield step('acquitted', 1, 60);
        return;
    }
    yield step('convicted', 1, 60);
    if (random.chance(0.9)) {
        const sentencedAt = later(1, 60);
        yield event('AccusedSentenced', { on: onDay(sentencedAt), personId, sentence: '10 years' }, sentencedAt);
    }
    if (random.chance(0.2))
        yield step('appealed', 10, 90);
}
const STEP_EVENTS = {
    'warrant-issued': 'AccusedWarrantIssued',
    arrested: 'AccusedArrested',
    charged: 'AccusedCharged',
    tried: 'AccusedTried',
    convicted: 'AccusedConvicted',
    acquitted: 'AccusedAcquitted',
    'charges-dismissed': 'AccusedChargesDismissed',
    sentenced: 'AccusedSentenced',
    appealed: 'AccusedAppealed',
    released: 'AccusedReleased',
};
function supportAction(random, on) {
    return { on, supportId: random.uuid(), kind: random.pick(SUPPORT), provider: 'UN mission' };
}
function incident(random, category, incidentId) {
    const [mission, hostState] = random.pick(MISSIONS);
    const day = new Date(Date.UTC(random.integer(2013, 2024), random.integer(0, 11), random.integer(1, 28)));
    const iso = day.toISOString().slice(0, 10);
    const precision = random.next();
    const occurredOn = precision < 0.85 ? iso : precision < 0.95 ? iso.slice(0, 7) : iso.slice(0, 4);
    const type = category === 'malicious-act' ? random.pick(TYPES) : null;
    const casualties = Array.from({ length: random.integer(0, 4) }, () => ({
        personnelType: random.chance(0.8) ? 'military' : 'police',
        nationality: random.pick(NATIONALITIES),
        outcome: category === 'accident' ? 'killed' : random.pick(OUTCOMES),
        name: null,
    }));
    const data = {
        incidentId,
        reportId: `bench-${incidentId}`,
        reportHash: '0'.repeat(64),
        caseId: null,
        mission,
        hostState,
        occurredOn,
        category,
        type,
        location: { placeName: 'Supply route', lat: 16.27, lon: -0.04, precision: 'locality' },
        narrative: 'A patrol was attacked on the supply route.',
        sofaViolation: false,
        detectedBeforeDetonation: type === 'ied' ? random.chance(0.4) : null,
        casualties,
        perpetrators: [],
        classification: 'restricted',
    };
    const event = withMetadata(`incident-${incidentId}`, 'IncidentReported', data, day.getTime() + random.integer(0, 3) * DAY_MS);
    return { event, mission, hostState, occurredOn };
}
function caseEvent(caseId, type, data, recordedAt) {
    return withMetadata(`case-${caseId}`, type, data, recordedAt);
}
function withMetadata(streamName, type, data, recordedAt) {
    const at = new Date(recordedAt).toISOString();
    return {
        streamName,
        type,
        data,
        metadata: { correlationId: streamName, causationId: streamName, actor: 'bench', occurredAt: at, recordedAt: at, schemaVersion: 1 },
    };
}
//# sourceMappingURL=case-history.generator.js.map
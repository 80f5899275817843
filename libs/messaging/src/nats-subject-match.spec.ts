import { describe, expect, it } from '@jest/globals';
import { natsRulesAllow, natsSubjectMatches } from './nats-subject-match.js';

describe('NATS subject patterns', () => {
  it('match literal subjects token by token', () => {
    expect(natsSubjectMatches('bluehelm.intake.ping', 'bluehelm.intake.ping')).toBe(true);
    expect(natsSubjectMatches('bluehelm.intake.ping', 'bluehelm.intake.pings')).toBe(false);
    expect(natsSubjectMatches('bluehelm.intake.ping', 'bluehelm.intake.ping.x')).toBe(false);
  });

  it('let * stand for one token and a final > for one or more', () => {
    expect(natsSubjectMatches('bluehelm.events.*.CaseOpened', 'bluehelm.events.case.CaseOpened')).toBe(true);
    expect(natsSubjectMatches('bluehelm.events.*', 'bluehelm.events.case.CaseOpened')).toBe(false);
    expect(natsSubjectMatches('bluehelm.events.>', 'bluehelm.events.case.CaseOpened')).toBe(true);
    expect(natsSubjectMatches('bluehelm.events.>', 'bluehelm.events')).toBe(false);
  });

  it('cover a wildcard inside a subject only with a wildcard at least as wide', () => {
    const create = '$JS.API.CONSUMER.CREATE.S.d.bluehelm.events.>';
    expect(natsSubjectMatches(create, create)).toBe(true);
    expect(natsSubjectMatches('$JS.API.CONSUMER.CREATE.S.d.bluehelm.events.*', create)).toBe(false);
  });

  it('let deny win over allow', () => {
    const rules = { allow: ['bluehelm.events.>'], deny: ['bluehelm.events.case.>'] };
    expect(natsRulesAllow(rules, 'bluehelm.events.incident.IncidentReported')).toBe(true);
    expect(natsRulesAllow(rules, 'bluehelm.events.case.CaseOpened')).toBe(false);
    expect(natsRulesAllow(rules, 'bluehelm.other')).toBe(false);
  });
});

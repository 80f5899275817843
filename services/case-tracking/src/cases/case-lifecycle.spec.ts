import { describe, expect, it } from '@jest/globals';
import { evolveAll } from '@bluehelm/event-sourcing';
import type { CaseCommand } from './case.commands.js';
import { caseDecider } from './case.decider.js';
import type { CaseEvent } from './case.events.js';
import { OTHER_INCIDENT_ID, commands } from './case.fixtures.js';
import { caseAsOf } from './case.as-of.js';
import { caseFunnel, currentCaseStage } from './case.stage.js';
import type { CaseState, OpenedCaseState } from './case.state.js';

/** Runs commands one after the other as the command handler would, keeping every event decided. */
function run(sequence: readonly CaseCommand[]): CaseEvent[] {
  const events: CaseEvent[] = [];
  let state: CaseState = caseDecider.initialState();
  for (const command of sequence) {
    const decided = caseDecider.decide(command, state);
    events.push(...decided);
    state = evolveAll(caseDecider, state, decided);
  }
  return events;
}

function opened(state: CaseState): OpenedCaseState {
  if (state.status === 'none') throw new Error('expected an opened case');
  return state;
}

// An ambush in March 2021; four accused: a convicted and sentenced, b acquitted, c whose charges
// were dismissed, d tried and convicted in absentia while still at large.
const walk: CaseCommand[] = [
  commands.openCase(),
  commands.openCase(),
  commands.referCase('2021-03-20'),
  commands.openInvestigation('2021-04-01'),
  commands.recordSupport('forensics-1', '2021-04-05', 'forensic'),
  commands.addAccused('a', '2021-05-01'),
  commands.addAccused('b', '2021-05-01'),
  commands.addAccused('c', '2021-05-01'),
  commands.addAccused('d', '2021-05-01'),
  commands.recordStep('warrant-issued', 'a', '2021-05-02'),
  commands.recordStep('warrant-issued', 'd', '2021-05-02'),
  commands.recordStep('arrested', 'a', '2021-05-10'),
  commands.recordStep('arrested', 'b', '2021-05-12'),
  commands.recordStep('charged', 'a', '2021-06-01'),
  commands.recordStep('charged', 'b', '2021-06-01'),
  commands.recordStep('charged', 'c', '2021-06-01'),
  commands.recordStep('charged', 'd', '2021-06-01'),
  commands.recordStep('charges-dismissed', 'c', '2021-11-01', { note: 'insufficient evidence' }),
  commands.linkIncident(OTHER_INCIDENT_ID, '2021-12-01'),
  commands.recordSupport('security-1', '2022-01-10', 'court-security'),
  commands.recordStep('tried', 'a', '2022-02-01', { court: "Cour d'assises de Bamako" }),
  commands.recordStep('tried', 'b', '2022-02-01', { court: "Cour d'assises de Bamako" }),
  commands.recordStep('tried', 'd', '2022-02-01', { court: "Cour d'assises de Bamako", inAbsentia: true }),
  commands.recordStep('convicted', 'a', '2022-02-20'),
  commands.recordStep('acquitted', 'b', '2022-02-20'),
  commands.recordStep('convicted', 'd', '2022-02-20', { inAbsentia: true }),
  commands.recordStep('sentenced', 'a', '2022-02-20', { sentence: '10 years imprisonment' }),
  commands.recordStep('sentenced', 'd', '2022-02-20', { sentence: 'life imprisonment' }),
  commands.recordStep('released', 'b', '2022-02-21'),
  commands.recordStep('appealed', 'a', '2022-03-01'),
  commands.closeCase('2023-06-30', 'appeal withdrawn; judgment final'),
];

describe('a case from opening to sentence with several accused', () => {
  const events = run(walk);
  const final = opened(evolveAll(caseDecider, caseDecider.initialState(), events));
  const person = (personId: string) => final.accused.find((accused) => accused.personId === personId);

  it('records one event per accepted command and none for the repeated opening', () => {
    expect(events).toHaveLength(walk.length - 1);
    expect(events.map((event) => event.type).slice(0, 3)).toEqual(['CaseOpened', 'CaseReferred', 'InvestigationOpened']);
    expect(events.at(-1)).toEqual({ type: 'CaseClosed', data: { on: '2023-06-30', reason: 'appeal withdrawn; judgment final' } });
  });

  it('leaves each accused person where their own steps took them', () => {
    expect(person('a')?.standing).toEqual({
      warrantOutstanding: false,
      inCustody: true,
      charges: 'pending',
      trial: { on: '2022-02-01', inAbsentia: false, verdict: 'convicted', appealed: true, sentenced: true },
    });
    expect(person('b')?.standing).toMatchObject({ inCustody: false, trial: { verdict: 'acquitted', sentenced: false } });
    expect(person('c')?.standing).toEqual({ warrantOutstanding: false, inCustody: false, charges: 'dismissed', trial: null });
    expect(person('d')?.standing).toEqual({
      warrantOutstanding: true,
      inCustody: false,
      charges: 'pending',
      trial: { on: '2022-02-01', inAbsentia: true, verdict: 'convicted', appealed: false, sentenced: true },
    });
  });

  it("keeps each person's history with the details of each step", () => {
    expect(person('d')?.history).toEqual([
      { step: 'identified', on: '2021-05-01' },
      { step: 'warrant-issued', on: '2021-05-02' },
      { step: 'charged', on: '2021-06-01' },
      { step: 'tried', on: '2022-02-01', court: "Cour d'assises de Bamako", inAbsentia: true },
      { step: 'convicted', on: '2022-02-20', inAbsentia: true },
      { step: 'sentenced', on: '2022-02-20', sentence: 'life imprisonment' },
    ]);
    expect(person('c')?.history.at(-1)).toEqual({ step: 'charges-dismissed', on: '2021-11-01', note: 'insufficient evidence' });
  });

  it('keeps the case facts: referral, investigation, support, linked incident, closure', () => {
    expect(final).toMatchObject({
      status: 'closed',
      referral: { on: '2021-03-20' },
      investigation: { on: '2021-04-01' },
      linkedIncidents: [{ on: '2021-12-01', incidentId: OTHER_INCIDENT_ID }],
      closure: { on: '2023-06-30' },
      lastStepOn: '2023-06-30',
    });
    expect(final.supportActions.map((action) => action.kind)).toEqual(['forensic', 'court-security']);
  });

  it('counts the funnel stages the case and each person reached', () => {
    expect(caseFunnel(final)).toEqual({
      stage: 'closed',
      reached: ['reported', 'referred', 'investigationOpened', 'suspectIdentified', 'charged', 'tried', 'convicted', 'closed'],
      persons: [
        { personId: 'a', kind: 'individual', reached: ['identified', 'warrantIssued', 'arrested', 'charged', 'tried', 'convicted', 'sentenced', 'appealed'] },
        { personId: 'b', kind: 'individual', reached: ['identified', 'arrested', 'charged', 'tried', 'acquitted', 'released'] },
        { personId: 'c', kind: 'individual', reached: ['identified', 'charged', 'chargesDismissed'] },
        { personId: 'd', kind: 'individual', reached: ['identified', 'warrantIssued', 'charged', 'tried', 'convicted', 'sentenced'] },
      ],
    });
  });

  it.each([
    ['2021-03-01', 'reported'],
    ['2021-03-20', 'referred'],
    ['2021-04-30', 'investigation'],
    ['2021-05-01', 'suspect-identified'],
    ['2021-06-01', 'prosecution'],
    ['2022-02-19', 'trial'],
    ['2022-02-20', 'verdict'],
    ['2023-06-29', 'verdict'],
    ['2023-06-30', 'closed'],
  ])('stood, as of %s, at the stage %s', (asOf, stage) => {
    expect(currentCaseStage(opened(caseAsOf(events, asOf)))).toBe(stage);
  });
});

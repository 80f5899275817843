import { describe, expect, it } from '@jest/globals';
import { validateRequest } from '../problems/validate-request.js';
import { ReportIncidentRequest } from './report-incident.request.js';
import { resolveIncidentReport } from './resolved-incident-report.js';

const today = '2026-11-23';

function report(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    reportId: 'UNTSO-2023-1',
    mission: 'UNTSO',
    occurredOn: '2023-10-30',
    category: 'malicious-act',
    type: 'rocket-mortar',
    location: { placeName: 'Naqoura', lat: 33.12, lon: 35.14, precision: 'near' },
    narrative: 'A patrol base was hit by indirect fire.',
    ...overrides,
  };
}

function failingPaths(body: Record<string, unknown>, on = today): string[] {
  const outcome = validateRequest(ReportIncidentRequest, body, { today: on });
  return outcome.ok ? [] : (outcome.problem.errors ?? []).map((error) => error.path);
}

function messageAt(body: Record<string, unknown>, path: string): string | undefined {
  const outcome = validateRequest(ReportIncidentRequest, body, { today });
  return outcome.ok ? undefined : outcome.problem.errors?.find((error) => error.path === path)?.message;
}

describe('the host state of a report', () => {
  it('may be any host state of a mission that spans several', () => {
    for (const hostState of ['EGY', 'ISR', 'JOR', 'LBN', 'SYR']) expect(failingPaths(report({ hostState }))).toEqual([]);
    expect(failingPaths(report({ mission: 'UNMOGIP', hostState: 'PAK' }))).toEqual([]);
    expect(failingPaths(report({ mission: 'UNISFA', hostState: 'SSD' }))).toEqual([]);
  });

  it('must be a host state of the mission, and the message lists them', () => {
    expect(failingPaths(report({ hostState: 'IRQ' }))).toEqual(['hostState']);
    expect(messageAt(report({ mission: 'MINUSMA', hostState: 'NER' }), 'hostState')).toBe(
      'hostState must be a host state of MINUSMA: MLI',
    );
  });

  it('is only reported once when the mission itself is unknown', () => {
    expect(failingPaths(report({ mission: 'UNXYZ', hostState: 'MLI' }))).toEqual(['mission']);
  });

  it('defaults to the first host state of the mission when left out', () => {
    const outcome = validateRequest(ReportIncidentRequest, report(), { today });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.problem));
    expect(resolveIncidentReport(outcome.value).hostState).toBe('EGY');
  });
});

describe('the date of an incident', () => {
  it('may be a year, a month or a day', () => {
    for (const occurredOn of ['2021', '2021-02', '2021-02-28', '2024-02-29']) {
      expect(failingPaths(report({ occurredOn }))).toEqual([]);
    }
  });

  it('must be a real calendar date', () => {
    for (const occurredOn of ['2021-02-29', '2021-04-31', '2021-00', '21', '2021-02-10T08:00']) {
      expect(failingPaths(report({ occurredOn }))).toEqual(['occurredOn']);
    }
  });

  it('must not lie in the future of the given today', () => {
    expect(failingPaths(report({ occurredOn: '2026-11-23' }))).toEqual([]);
    expect(failingPaths(report({ occurredOn: '2026-11' }))).toEqual([]);
    expect(failingPaths(report({ occurredOn: '2026' }))).toEqual([]);
    expect(failingPaths(report({ occurredOn: '2026-11-24' }))).toEqual(['occurredOn']);
    expect(failingPaths(report({ occurredOn: '2026-12' }))).toEqual(['occurredOn']);
    expect(failingPaths(report({ occurredOn: '2027' }))).toEqual(['occurredOn']);
    expect(messageAt(report({ occurredOn: '2027' }), 'occurredOn')).toBe('occurredOn must not be in the future (today is 2026-11-23)');
  });

  it('is judged against the today of each validation', () => {
    expect(failingPaths(report({ occurredOn: '2026-11-24' }), '2026-11-24')).toEqual([]);
  });
});

describe('the type of an incident', () => {
  it('is required for a malicious act and refused for other categories', () => {
    expect(failingPaths(report({ type: undefined }))).toEqual(['type']);
    expect(failingPaths(report({ category: 'illness', type: undefined }))).toEqual([]);
    expect(failingPaths(report({ category: 'illness', type: 'other' }))).toEqual(['type']);
  });

  it('alone allows detectedBeforeDetonation, when it is ied', () => {
    expect(failingPaths(report({ type: 'ied', detectedBeforeDetonation: true }))).toEqual([]);
    expect(failingPaths(report({ detectedBeforeDetonation: false }))).toEqual(['detectedBeforeDetonation']);
  });
});

describe('the size of a report', () => {
  const casualty = { personnelType: 'military', nationality: 'NPL', outcome: 'injured' };

  it('is bounded: at most 500 casualties and 20,000 characters of narrative', () => {
    expect(failingPaths(report({ casualties: Array.from({ length: 500 }, () => casualty) }))).toEqual([]);
    expect(failingPaths(report({ casualties: Array.from({ length: 501 }, () => casualty) }))).toEqual(['casualties']);
    expect(failingPaths(report({ narrative: 'x'.repeat(20_001) }))).toEqual(['narrative']);
    expect(failingPaths(report({ reportId: 'r'.repeat(201) }))).toEqual(['reportId']);
  });
});

describe('resolveIncidentReport', () => {
  it('fills every default and writes absent optional fields as null', () => {
    const outcome = validateRequest(ReportIncidentRequest, report({ category: 'accident', type: undefined }), { today });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.problem));
    expect(resolveIncidentReport(outcome.value)).toEqual({
      reportId: 'UNTSO-2023-1',
      mission: 'UNTSO',
      hostState: 'EGY',
      occurredOn: '2023-10-30',
      category: 'accident',
      type: null,
      location: { placeName: 'Naqoura', lat: 33.12, lon: 35.14, precision: 'near' },
      narrative: 'A patrol base was hit by indirect fire.',
      sofaViolation: false,
      detectedBeforeDetonation: null,
      casualties: [],
      perpetrators: [],
      classification: 'restricted',
    });
  });

  it('keeps what the report gave, as plain data', () => {
    const body = report({
      hostState: 'LBN',
      casualties: [{ personnelType: 'military', nationality: 'FIN', outcome: 'injured', name: 'N. N.' }],
      perpetrators: [{ kind: 'group' }],
      classification: 'public',
    });
    const outcome = validateRequest(ReportIncidentRequest, body, { today });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.problem));
    const resolved = resolveIncidentReport(outcome.value);
    expect(resolved).toMatchObject({
      hostState: 'LBN',
      casualties: [{ personnelType: 'military', nationality: 'FIN', outcome: 'injured', name: 'N. N.' }],
      perpetrators: [{ name: null, kind: 'group', affiliation: null }],
      classification: 'public',
    });
    expect(Object.getPrototypeOf(resolved.location)).toBe(Object.prototype);
  });
});

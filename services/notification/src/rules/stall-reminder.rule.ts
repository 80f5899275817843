import { nameBasedUuids } from '@bluehelm/contracts';
import type { Notification } from './notification.js';

/** Fixed forever: reminder ids derived from it are what keeps a restart from reminding twice. */
export const STALL_REMINDER_NAMESPACE = '0b8f5a52-6c38-4d55-9d0e-3f1f6c1c5a07';

const stallReminderIdOf = nameBasedUuids(STALL_REMINDER_NAMESPACE);

export const CASE_STALLED = 'CaseStalled';

/** An open case as the stall check sees it. */
export interface OpenCase {
  readonly caseId: string;
  readonly mission: string | null;
  readonly hostState: string | null;
  /** The world date of its latest step, `YYYY-MM-DD`. */
  readonly lastStepOn: string;
}

const DAY_MS = 86_400_000;

function dayNumber(day: string): number {
  return Math.floor(Date.parse(`${day}T00:00:00Z`) / DAY_MS);
}

function dayOf(dayNumberValue: number): string {
  return new Date(dayNumberValue * DAY_MS).toISOString().slice(0, 10);
}

/** The id of the reminder for one case, its latest step, and one stall period since it. */
export function stallReminderId(caseId: string, lastStepOn: string, period: number): string {
  return stallReminderIdOf(`${caseId}/${lastStepOn}/${period}`);
}

/**
 * A case with no step for `stallDays` or more (world dates: its latest step's `on` against
 * `today`) is stalled; it gets one reminder per full stall period since that step, told to its
 * mission's focal points. Period n runs from day n × stallDays after the step; its reminder id is
 * fixed by (case, step date, n), so checking again in the same period finds it already recorded.
 */
export function stallReminderOf(openCase: OpenCase, today: string, stallDays: number): Notification | null {
  if (openCase.mission === null) return null;
  const stepDay = dayNumber(openCase.lastStepOn);
  const daysWithoutStep = dayNumber(today) - stepDay;
  if (!Number.isFinite(daysWithoutStep) || daysWithoutStep < stallDays) return null;
  const period = Math.floor(daysWithoutStep / stallDays);
  const periodStartedOn = dayOf(stepDay + period * stallDays);
  const reminderId = stallReminderId(openCase.caseId, openCase.lastStepOn, period);
  return {
    eventId: reminderId,
    eventType: CASE_STALLED,
    kind: 'stall-reminder',
    timestamp: `${periodStartedOn}T00:00:00.000Z`,
    payload: {
      reminderId,
      caseId: openCase.caseId,
      mission: openCase.mission,
      hostState: openCase.hostState,
      lastStepOn: openCase.lastStepOn,
      stallDays,
      period,
      periodStartedOn,
    },
    audience: { focalPointsOf: openCase.mission, subscribers: null },
  };
}

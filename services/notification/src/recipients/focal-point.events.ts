/**
 * Focal points are facts of the event log, one stream each (`focalpoint-<uuid>`): who was told
 * about a mission's fatalities, from when to when, and who registered them, stays auditable.
 */
import type { MissionAcronym } from '@bluehelm/contracts';

export const FOCAL_POINT_CATEGORY = 'focalpoint';

export function focalPointStream(focalPointId: string): string {
  return `${FOCAL_POINT_CATEGORY}-${focalPointId}`;
}

export interface FocalPointDetails {
  readonly focalPointId: string;
  readonly mission: MissionAcronym;
  readonly name: string;
  readonly email: string;
  readonly role: string;
}

export interface FocalPointRegistered {
  readonly type: 'FocalPointRegistered';
  readonly data: FocalPointDetails;
}

export interface FocalPointRemoved {
  readonly type: 'FocalPointRemoved';
  readonly data: { readonly focalPointId: string };
}

export type FocalPointEvent = FocalPointRegistered | FocalPointRemoved;

export type FocalPointState =
  | { readonly status: 'unknown' }
  | { readonly status: 'registered'; readonly details: FocalPointDetails }
  | { readonly status: 'removed' };

export const initialFocalPointState = (): FocalPointState => ({ status: 'unknown' });

export function evolveFocalPoint(_state: FocalPointState, event: FocalPointEvent): FocalPointState {
  switch (event.type) {
    case 'FocalPointRegistered':
      return { status: 'registered', details: event.data };
    case 'FocalPointRemoved':
      return { status: 'removed' };
    default: {
      const unknown: never = event;
      throw new Error(`unknown focal point event ${JSON.stringify(unknown)}`);
    }
  }
}

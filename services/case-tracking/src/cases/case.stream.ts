import { CASE_STREAM_CATEGORY } from '@bluehelm/contracts';

/** The stream that holds one case; its category is what the relay and analytics follow. */
export const caseStream = (caseId: string): string => `${CASE_STREAM_CATEGORY}-${caseId}`;

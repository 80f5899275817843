import { PersonalDataConfig } from '@bluehelm/service-kit';

/** The case-tracking service's settings: those of every service, and the key vault of personal data. */
export class CaseTrackingConfig extends PersonalDataConfig {}

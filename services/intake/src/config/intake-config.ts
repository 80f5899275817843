import { PersonalDataConfig } from '@bluehelm/service-kit';

/** The intake service's settings: those of every service, and the key vault of personal data. */
export class IntakeConfig extends PersonalDataConfig {}

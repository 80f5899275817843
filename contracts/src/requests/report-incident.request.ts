import { IsBoolean, IsDefined, IsIn, ValidateIf } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import type { MissionAcronym } from '../reference/missions.js';
import {
  CLASSIFICATIONS,
  INCIDENT_CATEGORIES,
  INCIDENT_TYPES,
  type Classification,
  type IncidentCategory,
  type IncidentType,
} from '../vocabularies.js';
import { WORLD_DATE_PRECISIONS } from '../world-dates/world-date.js';
import { IsAlpha3CountryCode } from './decorators/is-alpha3-country-code.decorator.js';
import { IsHostStateOfMission } from './decorators/is-host-state-of-mission.decorator.js';
import { IsKnownMission } from './decorators/is-known-mission.decorator.js';
import { IsWorldDate } from './decorators/is-world-date.decorator.js';
import { NestedArray, NestedObject } from './decorators/nested.decorators.js';
import { OnlyWhen } from './decorators/only-when.decorator.js';
import { OptionalField, Required } from './decorators/presence.decorators.js';
import { Text } from './decorators/text.decorator.js';
import { REPORT_INCIDENT_SCHEMA_RULES } from './report-incident.schema-rules.js';
import { ReportedCasualty } from './reported-casualty.request.js';
import { ReportedLocation } from './reported-location.request.js';
import { ReportedPerpetrator } from './reported-perpetrator.request.js';
import { ReportedWitness } from './reported-witness.request.js';
import { LIST_LIMITS, TEXT_LIMITS } from './request.limits.js';

/**
 * An incident report: the body of `POST /v1/incidents` and of the NATS request
 * `bluehelm.intake.incidents.report`. Field names are a contract with mission systems.
 * Defaults (host state, classification, empty lists) are filled by resolveIncidentReport.
 */
@JSONSchema({ title: 'Incident report', ...REPORT_INCIDENT_SCHEMA_RULES })
export class ReportIncidentRequest {
  @Required()
  @Text(TEXT_LIMITS.short)
  @JSONSchema({ description: "The sender's idempotency key: the same reportId with the same body gives the same ids." })
  readonly reportId!: string;

  @Required()
  @IsKnownMission()
  readonly mission!: MissionAcronym;

  @OptionalField()
  @IsAlpha3CountryCode()
  @IsHostStateOfMission('mission')
  @JSONSchema({ description: "One of the mission's host states; defaults to its first." })
  readonly hostState?: string;

  @Required()
  @IsWorldDate({ precisions: WORLD_DATE_PRECISIONS, notInFuture: true })
  @JSONSchema({ description: 'YYYY, YYYY-MM or YYYY-MM-DD as precisely as known; not in the future.' })
  readonly occurredOn!: string;

  @Required()
  @IsIn(INCIDENT_CATEGORIES)
  readonly category!: IncidentCategory;

  @ValidateIf((report: Partial<ReportIncidentRequest>, value: unknown) => value !== undefined || report.category === 'malicious-act')
  @IsDefined({ message: 'type is required when category is malicious-act' })
  @IsIn(INCIDENT_TYPES)
  @OnlyWhen('category', 'malicious-act')
  @JSONSchema({ description: 'The kind of malicious act; required for, and only for, category malicious-act.' })
  readonly type?: IncidentType;

  @Required()
  @NestedObject(() => ReportedLocation)
  readonly location!: ReportedLocation;

  @Required()
  @Text(TEXT_LIMITS.narrative)
  readonly narrative!: string;

  @OptionalField()
  @IsBoolean()
  @JSONSchema({ default: false, description: 'The incident violated the status-of-forces agreement.' })
  readonly sofaViolation?: boolean;

  @OptionalField()
  @IsBoolean()
  @OnlyWhen('type', 'ied')
  @JSONSchema({ description: 'For type ied only: the device was found before it went off.' })
  readonly detectedBeforeDetonation?: boolean;

  @OptionalField()
  @NestedArray(() => ReportedCasualty, LIST_LIMITS.casualties)
  @JSONSchema({ default: [] })
  readonly casualties?: ReportedCasualty[];

  @OptionalField()
  @NestedArray(() => ReportedPerpetrator, LIST_LIMITS.perpetrators)
  @JSONSchema({ default: [] })
  readonly perpetrators?: ReportedPerpetrator[];

  @OptionalField()
  @NestedArray(() => ReportedWitness, LIST_LIMITS.witnesses)
  @JSONSchema({ description: 'Witnesses: personal data, stored encrypted and shown only to cleared readers.' })
  readonly witnesses?: ReportedWitness[];

  @OptionalField()
  @IsIn(CLASSIFICATIONS)
  @JSONSchema({
    default: 'restricted',
    description:
      'Who sees the narrative, location and perpetrators: public (every reader of the incident), restricted (not member states), confidential (only readers cleared for it).',
  })
  readonly classification?: Classification;
}

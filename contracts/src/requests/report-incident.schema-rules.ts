import { MISSIONS } from '../reference/missions.js';

/**
 * The rules of ReportIncidentRequest that tie fields together, in JSON Schema, so that the
 * published schema rejects what the validators reject. Kept beside the class they describe.
 */
export const REPORT_INCIDENT_SCHEMA_RULES = {
  allOf: [
    {
      // `type` says which kind of malicious act; other categories have no type.
      if: { required: ['category'], properties: { category: { const: 'malicious-act' } } },
      then: { required: ['type'] },
      else: { not: { required: ['type'] } },
    },
    {
      if: { not: { required: ['type'], properties: { type: { const: 'ied' } } } },
      then: { not: { required: ['detectedBeforeDetonation'] } },
    },
    ...MISSIONS.map((mission) => ({
      if: { required: ['mission'], properties: { mission: { const: mission.acronym } } },
      then: { properties: { hostState: { enum: [...mission.hostStates] } } },
    })),
  ],
};

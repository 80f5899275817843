// The events of incident streams are part of the public contract (outside consumers read them
// from JetStream), so their shapes live in contracts; this is the domain's name for them.
export {
  INCIDENT_PERSONAL_DATA_ERASED,
  INCIDENT_REPORTED,
  INCIDENT_REPORTED_SCHEMA_VERSION,
  INCIDENT_STREAM_CATEGORY,
  type IncidentEvent,
  type IncidentReported,
  type IncidentReportedData,
} from '@bluehelm/contracts';

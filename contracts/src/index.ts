export * from './subjects.js';
export * from './vocabularies.js';

export * from './reference/missions.js';
export * from './reference/mission-lookup.js';
export * from './reference/country-codes.js';

export * from './world-dates/world-date.js';
export * from './world-dates/validation-today.js';
export * from './world-dates/world-date.errors.js';

export * from './identity/uuid-text.js';
export * from './identity/name-based-uuid.js';
export * from './identity/case-id.js';
export * from './identity/incident-id.js';

export * from './requests/request.limits.js';
export * from './requests/report-incident.request.js';
export * from './requests/reported-location.request.js';
export * from './requests/reported-casualty.request.js';
export * from './requests/reported-perpetrator.request.js';
export * from './requests/reported-witness.request.js';
export * from './requests/resolved-incident-report.js';
export * from './requests/case-step.requests.js';
export * from './requests/case.queries.js';
export * from './requests/nats.messages.js';
export { CONSTRAINT_NAMES } from './requests/decorators/constraint-names.js';
export type { RequestClass } from './requests/decorators/nested.decorators.js';
export * from './replies.js';

export * from './problems/problem.js';
export * from './problems/json-body.js';
export * from './problems/validation-error-paths.js';
export * from './problems/validate-request.js';
export * from './problems/is-problem.js';

export * from './events/incident-events.js';
export * from './events/case-events.js';

export * from './schemas/contract-request-classes.js';
export * from './schemas/contract-schemas.js';
export * from './views/case-view.js';
export * from './subjects/notification.subjects.js';
export * from './requests/notification.vocabularies.js';
export * from './requests/notification.requests.js';
export * from './requests/notification.messages.js';
export * from './views/notification.views.js';
export * from './subjects/analytics.subjects.js';
export * from './views/analytics.views.js';
export * from './requests/analytics.queries.js';

export * from './access/principal.js';
export * from './access/endpoint-access.js';
export * from './access/authorization-table.markdown.js';
export * from './access/redaction.js';
export * from './access/personal-fields.js';
export * from './access/sealed-value.js';
export * from './access/access-events.js';
export * from './access/classification-rules.js';

export * from './views/audit.views.js';
export * from './requests/audit.queries.js';

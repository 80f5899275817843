import { AccountabilityQuery, FatalitiesQuery, IedDetectionQuery } from '../requests/analytics.queries.js';
import { AccessTrailQuery } from '../requests/audit.queries.js';
import { AsOfQuery, CaseListQuery } from '../requests/case.queries.js';
import {
  AccusedStepRequest,
  AddAccusedRequest,
  ClosureRequest,
  ErasePersonalDataRequest,
  InvestigationRequest,
  LinkIncidentRequest,
  ReferralRequest,
  SupportActionRequest,
} from '../requests/case-step.requests.js';
import {
  CreateFocalPointRequest,
  CreateSubscriptionRequest,
  FocalPointListQuery,
  NotificationListQuery,
  SubscriptionFiltersRequest,
  SubscriptionListQuery,
} from '../requests/notification.requests.js';
import { ReportIncidentRequest } from '../requests/report-incident.request.js';

/** Every top-level request and query class, by the name its JSON Schema is published under. */
export const CONTRACT_REQUEST_CLASSES = {
  ReportIncidentRequest,
  ReferralRequest,
  InvestigationRequest,
  AddAccusedRequest,
  AccusedStepRequest,
  SupportActionRequest,
  LinkIncidentRequest,
  ClosureRequest,
  ErasePersonalDataRequest,
  CaseListQuery,
  AsOfQuery,
  FatalitiesQuery,
  IedDetectionQuery,
  AccountabilityQuery,
  CreateFocalPointRequest,
  FocalPointListQuery,
  CreateSubscriptionRequest,
  // Published on its own as well: CreateSubscriptionRequest refers to it, and a client may keep filters apart.
  SubscriptionFiltersRequest,
  SubscriptionListQuery,
  NotificationListQuery,
  AccessTrailQuery,
} as const;

export type ContractRequestName = keyof typeof CONTRACT_REQUEST_CLASSES;

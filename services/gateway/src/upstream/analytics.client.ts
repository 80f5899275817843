import {
  ANALYTICS_SUBJECTS,
  type AccountabilityFormat,
  type AccessTrailQuery,
  type AccountabilityQuery,
  type FatalitiesQuery,
  type IedDetectionQuery,
} from '@bluehelm/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { isJsonObject } from './reply-shapes.js';
import { requestPattern } from './service-reply.js';
import { SERVICES_CLIENT, type ServicesClient } from './services-client.provider.js';

const SERVICE = 'analytics';

/** The accountability query as analytics is asked it: the format is always said, never left to a default. */
export type AccountabilityRequest = AccountabilityQuery & { readonly format: AccountabilityFormat };

/**
 * Requests to analytics through its NestJS message patterns; the queries are the validated query
 * strings as plain JSON. Views pass through as the service gives them.
 */
@Injectable()
export class AnalyticsClient {
  constructor(@Inject(SERVICES_CLIENT) private readonly client: ServicesClient) {}

  fatalities(query: FatalitiesQuery): Promise<Record<string, unknown>> {
    return requestPattern(this.client, ANALYTICS_SUBJECTS.fatalities, query, isJsonObject, SERVICE);
  }

  iedDetection(query: IedDetectionQuery): Promise<Record<string, unknown>> {
    return requestPattern(this.client, ANALYTICS_SUBJECTS.iedDetection, query, isJsonObject, SERVICE);
  }

  accessTrail(query: AccessTrailQuery): Promise<Record<string, unknown>> {
    return requestPattern(this.client, ANALYTICS_SUBJECTS.accessTrail, query, isJsonObject, SERVICE);
  }

  /**
   * The report as analytics built it: the JSON report (an object, or its text when the service
   * sends it already written) or an AccountabilityCsvReply; accountabilityAnswerOf reads it.
   */
  accountability(request: AccountabilityRequest): Promise<string | Record<string, unknown>> {
    return requestPattern(this.client, ANALYTICS_SUBJECTS.accountability, request, isTextOrJsonObject, SERVICE);
  }
}

function isTextOrJsonObject(reply: unknown): reply is string | Record<string, unknown> {
  return typeof reply === 'string' || isJsonObject(reply);
}

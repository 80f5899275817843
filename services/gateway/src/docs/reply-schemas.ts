import { CASE_STAGES, REPORT_STATUSES } from '@bluehelm/contracts';
import type { SchemaObject } from '@nestjs/swagger';
import { ANALYTICS_REPLY_SCHEMAS } from './analytics-reply-schemas.js';
import { NOTIFICATION_REPLY_SCHEMAS } from './notification-reply-schemas.js';

/*
 * Schemas of what the gateway answers. Replies are interfaces in the contracts (no classes to
 * generate them from), so they are written out here; case views are case-tracking's and pass
 * through unchanged, so only their fields the gateway relies on are spelled out. Analytics' and
 * notification's views are in files of their own.
 */

const uuid: SchemaObject = { type: 'string', format: 'uuid' };
const ref = (name: string): SchemaObject => ({ $ref: `#/components/schemas/${name}` }) as SchemaObject;
const counts: SchemaObject = {
  type: 'object',
  required: ['lines', 'accepted', 'alreadyAccepted', 'rejected'],
  properties: {
    lines: { type: 'integer', description: 'Reports answered so far' },
    accepted: { type: 'integer' },
    alreadyAccepted: { type: 'integer' },
    rejected: { type: 'integer' },
  },
};

const GATEWAY_REPLY_SCHEMAS = {
  Problem: {
    type: 'object',
    description: 'RFC 9457 problem details',
    required: ['type', 'title', 'status'],
    properties: {
      type: { type: 'string', format: 'uri' },
      title: { type: 'string' },
      status: { type: 'integer' },
      detail: { type: 'string' },
      errors: {
        type: 'array',
        description: 'Every failing field, such as `casualties[0].nationality`',
        items: { type: 'object', required: ['path', 'message'], properties: { path: { type: 'string' }, message: { type: 'string' } } },
      },
      code: { type: 'string', description: 'The rule a 409 or 412 is about' },
    },
  },
  ReportIncidentReply: {
    type: 'object',
    required: ['incidentId', 'caseId', 'status'],
    properties: {
      incidentId: uuid,
      caseId: { ...uuid, nullable: true, description: 'The case a malicious act opens; null otherwise' },
      status: { type: 'string', enum: [...REPORT_STATUSES] },
    },
  },
  IncidentBatchLineResult: {
    type: 'object',
    required: ['line', 'status'],
    properties: {
      line: { type: 'integer', description: 'The NDJSON line, or the place in the JSON array, counted from 1' },
      reportId: { type: 'string' },
      status: { type: 'string', enum: [...REPORT_STATUSES, 'rejected'] },
      incidentId: uuid,
      caseId: { ...uuid, nullable: true },
      problem: ref('Problem'),
    },
  },
  IncidentBatchProgress: { type: 'object', required: ['progress'], properties: { progress: counts } },
  IncidentBatchSummary: { type: 'object', required: ['summary'], properties: { summary: counts } },
  IncidentBatchAnswer: {
    type: 'object',
    required: ['results', 'summary'],
    properties: { results: { type: 'array', items: ref('IncidentBatchLineResult') }, summary: counts },
  },
  CaseStepReply: {
    type: 'object',
    required: ['caseId', 'revision'],
    properties: { caseId: uuid, revision: { type: 'integer', description: 'The If-Match of the next step' } },
  },
  AddAccusedReply: {
    type: 'object',
    required: ['caseId', 'revision', 'personId'],
    properties: { caseId: uuid, revision: { type: 'integer' }, personId: uuid },
  },
  ErasePersonalDataReply: {
    type: 'object',
    required: ['caseId', 'revision', 'keysDestroyed', 'erasedAt'],
    properties: {
      caseId: uuid,
      revision: { type: 'integer' },
      keysDestroyed: { type: 'integer', description: 'Data keys destroyed now (0 when an earlier erasure left none)' },
      erasedAt: { type: 'string', format: 'date-time' },
    },
  },
  EraseIncidentPersonalDataReply: {
    type: 'object',
    required: ['incidentId', 'keysDestroyed', 'erasedAt'],
    properties: {
      incidentId: uuid,
      keysDestroyed: { type: 'integer', description: 'Data keys destroyed now (0 when an earlier erasure left none)' },
      erasedAt: { type: 'string', format: 'date-time' },
    },
  },
  Incident: { type: 'object', description: 'The incident as intake holds it', additionalProperties: true },
  CaseView: {
    type: 'object',
    description: 'The case as case-tracking gives it (contracts CaseView)',
    required: ['caseId', 'revision', 'status', 'stage'],
    properties: {
      caseId: uuid,
      revision: { type: 'integer' },
      status: { type: 'string', enum: ['open', 'closed'] },
      stage: { type: 'string', enum: [...CASE_STAGES] },
      asOf: { type: 'string', format: 'date', nullable: true },
    },
    additionalProperties: true,
  },
  CaseHistory: {
    type: 'object',
    required: ['caseId', 'events'],
    properties: {
      caseId: uuid,
      events: {
        type: 'array',
        items: {
          type: 'object',
          required: ['revision', 'position', 'id', 'type', 'data', 'metadata', 'createdAt'],
          properties: {
            revision: { type: 'integer' },
            position: { type: 'integer' },
            id: uuid,
            type: { type: 'string' },
            data: { type: 'object' },
            metadata: { type: 'object', description: 'actor, correlationId, occurredAt, recordedAt, prevHash, hash' },
            createdAt: { type: 'string', format: 'date-time' },
          },
        },
      },
    },
  },
  CaseVerification: {
    type: 'object',
    required: ['caseId', 'intact'],
    properties: {
      caseId: uuid,
      intact: { type: 'boolean' },
      eventCount: { type: 'integer' },
      lastHash: { type: 'string', nullable: true },
      brokenAtRevision: { type: 'integer' },
      reason: { type: 'string' },
    },
  },
  CaseList: {
    type: 'object',
    required: ['items', 'total', 'limit', 'offset'],
    properties: {
      items: { type: 'array', items: { type: 'object', description: 'contracts CaseSummary' } },
      total: { type: 'integer' },
      limit: { type: 'integer' },
      offset: { type: 'integer' },
    },
  },
} satisfies Record<string, SchemaObject>;

export const REPLY_SCHEMAS = { ...GATEWAY_REPLY_SCHEMAS, ...ANALYTICS_REPLY_SCHEMAS, ...NOTIFICATION_REPLY_SCHEMAS };

export type ReplySchemaName = keyof typeof REPLY_SCHEMAS;

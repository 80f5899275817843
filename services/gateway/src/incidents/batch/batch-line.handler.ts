import { ReportIncidentRequest, validateRequest, type IncidentBatchLineResult, type Problem } from '@bluehelm/contracts';
import { Injectable, Logger } from '@nestjs/common';
import { internalProblem } from '../../problems/gateway-problems.js';
import { ProblemException } from '../../problems/problem.exception.js';
import { IntakeClient } from '../../upstream/intake.client.js';
import type { BatchEntry } from './batch-entry.js';

/**
 * One report of a batch: checked at the edge like a single report, sent to intake only when
 * valid, and answered as a line result whatever happens. A report intake cannot take now (503,
 * 504) is rejected with that problem and the batch goes on.
 */
@Injectable()
export class BatchLineHandler {
  private readonly logger = new Logger(BatchLineHandler.name);

  constructor(private readonly intake: IntakeClient) {}

  async handle(entry: BatchEntry): Promise<IncidentBatchLineResult> {
    const { line, body } = entry;
    if (!body.ok) return rejected(line, undefined, body.problem);
    const reportId = reportIdOf(body.value);
    try {
      const validated = validateRequest(ReportIncidentRequest, body.value);
      if (!validated.ok) return rejected(line, reportId, validated.problem);
      const reply = await this.intake.report(validated.value);
      return { line, ...(reportId !== undefined && { reportId }), status: reply.status, incidentId: reply.incidentId, caseId: reply.caseId };
    } catch (error) {
      if (error instanceof ProblemException) return rejected(line, reportId, error.problem);
      this.logger.error(`batch line ${line} failed: ${error instanceof Error ? error.message : String(error)}`);
      return rejected(line, reportId, internalProblem());
    }
  }
}

function rejected(line: number, reportId: string | undefined, problem: Problem): IncidentBatchLineResult {
  return { line, ...(reportId !== undefined && { reportId }), status: 'rejected', problem };
}

function reportIdOf(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const reportId = (value as { reportId?: unknown }).reportId;
  return typeof reportId === 'string' ? reportId : undefined;
}

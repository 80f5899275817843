import type { IncomingMessage, ServerResponse } from 'node:http';
import { Controller, Logger, Post, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { ApiProblems } from '../docs/api-docs.decorators.js';
import { batchAnswerFor, NDJSON_MEDIA_TYPE } from './batch/batch-answer.writer.js';
import { batchEntriesOf } from './batch/batch-entries.js';
import { IncidentBatchRunner } from './batch/incident-batch.runner.js';

@ApiTags('incidents')
@Controller('v1/incidents/batch')
export class IncidentBatchController {
  private readonly logger = new Logger(IncidentBatchController.name);

  constructor(private readonly runner: IncidentBatchRunner) {}

  @Post()
  @ApiOperation({
    summary: 'Report many incidents',
    description:
      'A JSON array of reports, or NDJSON (one report per line), of any size: read as it arrives, each report ' +
      'checked and sent to intake on its own (at most 1 MiB each) and answered in input order. The answer ' +
      `streams as ${NDJSON_MEDIA_TYPE}: one IncidentBatchLineResult per report, a progress line every ` +
      'BATCH_PROGRESS_EVERY reports, a summary line last. With `Accept: application/json`, one object ' +
      '{ results, summary } instead. A report intake cannot take now is rejected with that problem (503, 504) ' +
      'and the import goes on.',
  })
  @ApiConsumes('application/json', NDJSON_MEDIA_TYPE)
  @ApiBody({
    required: true,
    schema: { type: 'array', items: { $ref: getSchemaPath('ReportIncidentRequest') } },
    description: `As ${NDJSON_MEDIA_TYPE}: one ReportIncidentRequest per line.`,
  })
  @ApiResponse({
    status: 200,
    description: 'One result per report, in input order',
    content: {
      [NDJSON_MEDIA_TYPE]: {
        schema: {
          oneOf: [
            { $ref: getSchemaPath('IncidentBatchLineResult') },
            { $ref: getSchemaPath('IncidentBatchProgress') },
            { $ref: getSchemaPath('IncidentBatchSummary') },
          ],
        },
      },
      'application/json': { schema: { $ref: getSchemaPath('IncidentBatchAnswer') } },
    },
  })
  @ApiProblems(400, 415, 422)
  async importBatch(
    @Req() request: IncomingMessage,
    @Res() response: ServerResponse,
  ): Promise<void> {
    const entries = batchEntriesOf(request);
    try {
      await this.runner.run(entries, batchAnswerFor(request.headers.accept, response));
    } catch (error) {
      // Before the answer began, the filter answers a problem; after, the status is sent.
      if (!response.headersSent) throw error;
      this.logger.warn(`batch import cut short: ${error instanceof Error ? error.message : String(error)}`);
      response.destroy();
    }
  }
}


import { Module } from '@nestjs/common';
import { CaseHistoryHandler } from './case-history.handler.js';
import { CaseStreamReader } from './case-stream.reader.js';
import { GetCaseHandler } from './get-case.handler.js';
import { VerifyCaseHandler } from './verify-case.handler.js';

/** Queries of one case, answered from its stream in the event log. */
@Module({
  controllers: [GetCaseHandler, CaseHistoryHandler, VerifyCaseHandler],
  providers: [CaseStreamReader],
})
export class CaseQueriesModule {}

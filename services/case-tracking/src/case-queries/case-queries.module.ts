import { Module } from '@nestjs/common';
import { CaseAccessModule } from '../access/case-access.module.js';
import { CaseHistoryHandler } from './case-history.handler.js';
import { GetCaseHandler } from './get-case.handler.js';
import { VerifyCaseHandler } from './verify-case.handler.js';

/** Queries of one case, answered from its stream in the event log. */
@Module({
  controllers: [GetCaseHandler, CaseHistoryHandler, VerifyCaseHandler],
  imports: [CaseAccessModule],
})
export class CaseQueriesModule {}

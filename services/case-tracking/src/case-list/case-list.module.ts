import { Module } from '@nestjs/common';
import { CaseListFeed } from './case-list.feed.js';
import { CaseListStore } from './case-list.store.js';
import { ListCasesHandler } from './list-cases.handler.js';

/** The case list: a read model of every case, fed from the event log, and its query. */
@Module({
  controllers: [ListCasesHandler],
  providers: [CaseListStore, CaseListFeed],
})
export class CaseListModule {}

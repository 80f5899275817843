import { PersonalDataModule } from '@bluehelm/service-kit';
import { Module } from '@nestjs/common';
import { CaseStreamReader } from '../case-queries/case-stream.reader.js';
import { CaseAccess } from './case-access.js';
import { ErasePersonalDataHandler } from './erase-personal-data.handler.js';

/** Who may see and do what on a case, and the erasure of its personal data. */
@Module({
  imports: [PersonalDataModule],
  controllers: [ErasePersonalDataHandler],
  providers: [CaseStreamReader, CaseAccess],
  exports: [CaseStreamReader, CaseAccess, PersonalDataModule],
})
export class CaseAccessModule {}

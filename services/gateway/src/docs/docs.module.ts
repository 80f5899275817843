import { Module } from '@nestjs/common';
import { ApiDocsController } from './api-docs.controller.js';
import { ApiDocumentation } from './api-documentation.js';

@Module({
  controllers: [ApiDocsController],
  providers: [ApiDocumentation],
  exports: [ApiDocumentation],
})
export class DocsModule {}

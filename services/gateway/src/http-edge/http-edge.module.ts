import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { ProblemExceptionFilter } from '../problems/problem-exception.filter.js';
import { HttpEdgeInstaller } from './http-edge.installer.js';

/** What every HTTP request meets: security headers, a correlation id, problems for every failure. */
@Module({
  providers: [HttpEdgeInstaller, { provide: APP_FILTER, useClass: ProblemExceptionFilter }],
})
export class HttpEdgeModule {}

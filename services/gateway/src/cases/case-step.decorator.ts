import type { ContractRequestName } from '@bluehelm/contracts';
import { applyDecorators, HttpCode, Post, UseInterceptors } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import {
  ApiContractBody,
  ApiIfMatchHeader,
  ApiJsonReply,
  ApiProblems,
  ApiUuidParam,
} from '../docs/api-docs.decorators.js';
import { JsonBodyInterceptor } from '../http-edge/json-body.interceptor.js';

export interface CaseStepRoute {
  readonly path: string;
  readonly request: ContractRequestName;
  readonly summary: string;
  /** 201 for a step that creates something with an id of its own (an accused person). */
  readonly status?: 200 | 201;
}

/**
 * A case step route: a POST whose JSON body is the contract class `request`, with If-Match
 * concurrency, answering the case's new revision with an ETag; described for OpenAPI alike.
 */
export function CaseStep(route: CaseStepRoute): MethodDecorator {
  const status = route.status ?? 200;
  return applyDecorators(
    Post(route.path),
    HttpCode(status),
    UseInterceptors(JsonBodyInterceptor),
    ApiOperation({ summary: route.summary }),
    ApiUuidParam('id', 'The case id'),
    ApiIfMatchHeader(),
    ApiContractBody(route.request),
    ApiJsonReply(status, "The step was recorded: the case's new revision", status === 201 ? 'AddAccusedReply' : 'CaseStepReply', {
      ETag: 'The new revision, for the If-Match of the next step',
    }),
    ApiProblems(400, 404, 409, 412, 413, 415, 422),
  );
}

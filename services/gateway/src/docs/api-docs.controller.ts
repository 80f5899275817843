import type { ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { Controller, Get, Header, Param, Res } from '@nestjs/common';
import { ApiExcludeController, type OpenAPIObject } from '@nestjs/swagger';
import { routeNotFoundProblem, serviceUnavailableProblem } from '../problems/gateway-problems.js';
import { ProblemException } from '../problems/problem.exception.js';
import { ApiDocumentation } from './api-documentation.js';
import { SWAGGER_UI_INIT, SWAGGER_UI_PAGE, swaggerUiAsset } from './swagger-ui.assets.js';

/** `/docs`: Swagger UI over the OpenAPI document, which `/docs/json` serves. */
@ApiExcludeController()
@Controller('docs')
export class ApiDocsController {
  constructor(private readonly documentation: ApiDocumentation) {}

  @Get()
  @Header('Content-Type', 'text/html; charset=utf-8')
  page(): string {
    return SWAGGER_UI_PAGE;
  }

  @Get('json')
  document(): OpenAPIObject {
    const document = this.documentation.current;
    if (document === undefined) throw new ProblemException(serviceUnavailableProblem('documentation'));
    return document;
  }

  @Get('init.js')
  @Header('Content-Type', 'text/javascript; charset=utf-8')
  init(): string {
    return SWAGGER_UI_INIT;
  }

  @Get('ui/:file')
  async asset(@Param('file') file: string, @Res() response: ServerResponse): Promise<void> {
    const asset = swaggerUiAsset(file);
    if (asset === undefined) throw new ProblemException(routeNotFoundProblem('GET', `/docs/ui/${file}`));
    response.setHeader('Content-Type', asset.mediaType);
    response.setHeader('Cache-Control', 'public, max-age=86400');
    await pipeline(asset.open(), response);
  }
}

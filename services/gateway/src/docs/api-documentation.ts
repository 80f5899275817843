import { contractSchemaComponents } from '@bluehelm/contracts';
import { Injectable, type INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { withAccessRules } from './access-rules.documentation.js';
import { REPLY_SCHEMAS } from './reply-schemas.js';

/**
 * The OpenAPI document of the gateway, generated from its controllers' decorators. Request
 * schemas are the contracts' own (contractSchemaComponents), so what is documented is what is
 * validated; reply schemas are in reply-schemas.ts. OpenAPI 3.1, whose schemas are JSON Schema,
 * so the contracts' conditional rules (if / then) are kept as they are.
 */
@Injectable()
export class ApiDocumentation {
  private document: OpenAPIObject | undefined;

  /**
   * Scans the application's routes. The scan needs the application itself, which the service
   * kit hands over only once it is running, so main.ts calls this right after start-up.
   */
  describe(app: INestApplication): void {
    const config = new DocumentBuilder()
      .setTitle('Bluehelm')
      .setDescription(
        'Accountability for crimes against UN peacekeepers: incident reports and their judicial follow-up, ' +
          'indicators and accountability reports, and notifications to focal points and subscribers. ' +
          'Errors are application/problem+json (RFC 9457) with every failing field path. Every answer carries ' +
          'Bluehelm-Correlation-Id (the caller’s own when sent). Every route but /v1/health and /docs needs ' +
          '`Authorization: Bearer <JWT>`; each operation names the roles that may call it (docs/authorization.md).',
      )
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, 'bearer')
      .addSecurityRequirements('bearer')
      .setVersion('1')
      .setOpenAPIVersion('3.1.0')
      .build();
    config.components = { ...config.components, schemas: { ...contractSchemaComponents(), ...REPLY_SCHEMAS } };
    this.document = withAccessRules(SwaggerModule.createDocument(app, config));
  }

  /** Undefined until describe has run. */
  get current(): OpenAPIObject | undefined {
    return this.document;
  }
}

import { createReadStream } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';

/** The Swagger UI files the docs page loads, with their media types; nothing else is served. */
const ASSETS: Readonly<Record<string, string>> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'favicon-32x32.png': 'image/png',
  'favicon-16x16.png': 'image/png',
};

let assetFolder: string | undefined;

/**
 * swagger-ui-dist as @nestjs/swagger depends on it, found from there rather than from the
 * gateway, so that the copy used is always the one @nestjs/swagger was released with.
 */
function swaggerUiFolder(): string {
  if (assetFolder === undefined) {
    const fromSwaggerModule = createRequire(createRequire(import.meta.url).resolve('@nestjs/swagger'));
    assetFolder = dirname(fromSwaggerModule.resolve('swagger-ui-dist/package.json'));
  }
  return assetFolder;
}

export interface SwaggerUiAsset {
  readonly mediaType: string;
  open(): Readable;
}

/** The asset of that name, or undefined for any name not on the list. */
export function swaggerUiAsset(name: string): SwaggerUiAsset | undefined {
  const mediaType = Object.hasOwn(ASSETS, name) ? ASSETS[name] : undefined;
  if (mediaType === undefined) return undefined;
  return { mediaType, open: () => createReadStream(join(swaggerUiFolder(), name)) };
}

export const SWAGGER_UI_PAGE = `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <title>Bluehelm API</title>
    <link rel="stylesheet" href="/docs/ui/swagger-ui.css">
    <link rel="icon" type="image/png" href="/docs/ui/favicon-32x32.png" sizes="32x32">
  </head>
  <body>
    <div id="swagger-ui"></div>
    <script src="/docs/ui/swagger-ui-bundle.js"></script>
    <script src="/docs/init.js"></script>
  </body>
</html>
`;

/** A file of its own rather than inline, so that the page's policy can forbid inline scripts. */
export const SWAGGER_UI_INIT = `window.addEventListener('load', function () {
  window.ui = SwaggerUIBundle({ url: '/docs/json', dom_id: '#swagger-ui', deepLinking: true, validatorUrl: null });
});
`;

import { Controller, Get, Header, Inject, Injectable } from '@nestjs/common';
import type { OpenAPIObject } from '@nestjs/swagger';
import { Authenticated, CurrentPrincipal, Principal } from '@overlegtafels/auth';
import { ViewRenderer } from '../web/view-renderer.service';

/** Holds the OpenAPI document, built from the controllers once the app exists (create-api-app). */
@Injectable()
export class OpenApiRegistry {
  document: OpenAPIObject | undefined;
}

interface Operation {
  method: string;
  path: string;
  summary: string;
  tags: string[];
  body?: string;
  responses: { status: string; description: string }[];
}

/** The REST API's documentation: the OpenAPI JSON and a plain page that reads without JavaScript. */
@Controller('api/docs')
export class OpenApiController {
  constructor(
    @Inject(OpenApiRegistry) private readonly registry: OpenApiRegistry,
    @Inject(ViewRenderer) private readonly views: ViewRenderer,
  ) {}

  @Get('openapi.json')
  @Authenticated()
  json(): OpenAPIObject {
    return this.registry.document!;
  }

  @Get()
  @Authenticated()
  @Header('Content-Type', 'text/html; charset=utf-8')
  page(@CurrentPrincipal() principal: Principal): string {
    const doc = this.registry.document!;
    const operations: Operation[] = [];
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const method of ['get', 'post', 'put', 'patch', 'delete'] as const) {
        const op = item[method];
        if (!op) continue;
        const body =
          op.requestBody && 'content' in op.requestBody
            ? Object.values(op.requestBody.content)[0]?.schema
            : undefined;
        operations.push({
          method: method.toUpperCase(),
          path,
          summary: op.summary ?? '',
          tags: op.tags ?? [],
          ...(body && { body: JSON.stringify(body, null, 2) }),
          responses: Object.entries(op.responses ?? {}).map(([status, r]) => ({
            status,
            description: r && 'description' in r ? String(r.description ?? '') : '',
          })),
        });
      }
    }
    operations.sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
    return this.views.render(
      'api-docs',
      { title: 'API-documentatie', principal },
      { operations, version: doc.info.version },
    );
  }
}

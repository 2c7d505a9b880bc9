import { Controller, Get, Header, Inject, Injectable } from '@nestjs/common';
import type { OpenAPIObject } from '@nestjs/swagger';
import { Authenticated, CurrentPrincipal, Principal } from '@overlegtafels/auth';
import { ViewRenderer } from '../web/view-renderer.service';

/**
 * Holds the OpenAPI document: built from the controllers when it is first asked for (create-api-app
 * says how), not at every start-up, where scanning every route cost each process its share of CPU.
 */
@Injectable()
export class OpenApiRegistry {
  private built: OpenAPIObject | undefined;
  build: (() => OpenAPIObject) | undefined;

  get document(): OpenAPIObject {
    if (!this.built) {
      if (!this.build) throw new Error('the OpenAPI document has no builder (create-api-app sets it)');
      this.built = this.build();
    }
    return this.built;
  }
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
    return this.registry.document;
  }

  @Get()
  @Authenticated()
  @Header('Content-Type', 'text/html; charset=utf-8')
  page(@CurrentPrincipal() principal: Principal): string {
    const doc = this.registry.document;
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

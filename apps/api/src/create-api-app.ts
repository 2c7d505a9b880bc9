import path from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import { ServiceLogger } from '@overlegtafels/runtime';
import { projectRoot } from '@overlegtafels/persistence';
import { ApiModule, ApiModuleOptions } from './api.module';
import { uploadGate, UploadSpool } from './web/upload.middleware';
import { bodyParserErrors, securityHeaders } from './web/edge.middleware';
import { HttpErrorFilter } from './web/html-exception.filter';
import { publicApiDocument } from './openapi/public-document';
import { InputEdgePipe, pageFormMarker } from './web/input-edge.pipe';
import { ViewRenderer } from './web/view-renderer.service';
import { OpenApiRegistry } from './openapi/openapi.controller';
import { SESSION_COOKIE, SessionService } from '@overlegtafels/auth';
import { AuditLog } from '@overlegtafels/application';
import { Clock, CLOCK } from '@overlegtafels/config';

/** Builds the HTTP app (used by main.ts and by the e2e tests, so both run the same set-up). */
export async function createApiApp(options: ApiModuleOptions): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.forRoot(options), {
    logger: new ServiceLogger(options.config.logLevel),
    bodyParser: false,
  });
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(securityHeaders(options.config.publicUrl));
  // Bounded bodies: forms and JSON are small; uploads get their own limits where they exist.
  app.useBodyParser('json', { limit: '256kb' });
  app.useBodyParser('urlencoded', { limit: '256kb', extended: false });
  const errors = new HttpErrorFilter(app.get(ViewRenderer));
  app.use(bodyParserErrors(errors));
  app.use(pageFormMarker);
  app.useGlobalPipes(new InputEdgePipe());
  app.use(cookieParser());
  // The forms that take a document (the agendering, a new version of an item's document);
  // everything else refuses multipart by having no parser. Their login, role and size are
  // checked before the body is read (the guards run after it).
  app.use(
    ['/api/agenderingen', '/agendering', '/api/agenda-items/:id/document', '/agendapunten/:id/bijlage'],
    uploadGate({
      sessions: app.get(SessionService),
      spool: app.get(UploadSpool),
      filter: errors,
      audit: app.get(AuditLog),
      clock: app.get<Clock>(CLOCK),
    }),
  );
  app.useStaticAssets(path.join(projectRoot(), 'apps', 'api', 'public'), {
    prefix: '/static/',
    maxAge: '1h',
  });
  app.get(OpenApiRegistry).build = () =>
    publicApiDocument(
      SwaggerModule.createDocument(
        app,
        new DocumentBuilder()
          .setTitle('Overlegtafels API')
          .setDescription(
            'Aanmelding, agendering, agenda’s en beslissingen van de overlegtafels (ketenaanpak IFG).',
          )
          .setVersion('1')
          .addCookieAuth(SESSION_COOKIE)
          .addApiKey({ type: 'apiKey', in: 'header', name: 'x-csrf-token' }, 'csrf')
          .build(),
      ),
    );
  return app;
}

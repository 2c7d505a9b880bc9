import { DynamicModule, Global, INestApplicationContext, Module, Provider, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AuditLog, UnitOfWork } from '@overlegtafels/application';
import { AppConfig, CLOCK, ConfigModule, SystemClock } from '@overlegtafels/config';
import {
  AuditRepository,
  derivedAppUrl,
  embeddedPostgresUrl,
  PrismaService,
  PrismaUnitOfWork,
} from '@overlegtafels/persistence';

/**
 * A command's use cases on the database alone (no queues, no mail): the unit of work, the audit
 * log and the clock bound as CoreModule binds them in the api and the worker, plus the command's
 * own providers (its repositories bound to their ports) and modules. The database is
 * DATABASE_URL's, or the default mode's embedded PostgreSQL (`npm start` running).
 */
export async function openDatabaseContext(
  config: AppConfig,
  providers: Provider[],
  modules: (Type | DynamicModule)[] = [],
): Promise<INestApplicationContext> {
  const databaseUrl =
    config.databaseUrl ?? derivedAppUrl(embeddedPostgresUrl(config.embeddedPgPort, 'overlegtafels'));
  const tokens = providers.map((p) => (typeof p === 'function' ? p : p.provide));

  @Global()
  @Module({
    providers: [
      PrismaService,
      PrismaUnitOfWork,
      AuditRepository,
      { provide: CLOCK, useValue: new SystemClock() },
      { provide: UnitOfWork, useExisting: PrismaUnitOfWork },
      { provide: AuditLog, useExisting: AuditRepository },
      ...providers,
    ],
    exports: [PrismaService, CLOCK, UnitOfWork, AuditLog, ...tokens],
  })
  class CommandPorts {}

  @Module({ imports: [ConfigModule.forRoot({ ...config, databaseUrl }), CommandPorts, ...modules] })
  class CommandContext {}

  const app = await NestFactory.createApplicationContext(CommandContext, {
    logger: ['error'],
    abortOnError: false,
  });
  await app.init();
  return app;
}

import { Global, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import {
  AuditLog,
  DestroyExpiredDossiersUseCase,
  DossierRetention,
  ExpiredLogins,
  RetentionModule,
  UnitOfWork,
} from '@overlegtafels/application';
import { AppConfig, CLOCK, ConfigModule, SystemClock } from '@overlegtafels/config';
import {
  AuditRepository,
  derivedAppUrl,
  embeddedPostgresUrl,
  PrismaDossierRetention,
  PrismaExpiredLogins,
  PrismaService,
  PrismaUnitOfWork,
} from '@overlegtafels/persistence';

export interface RetentionContext {
  readonly useCase: DestroyExpiredDossiersUseCase;
  personIdOf(email: string): Promise<string | null>;
  close(): Promise<void>;
}

/**
 * The retention use case on the database alone (no queues, no mail): only the repositories it
 * needs, and the ports bound to them as CoreModule binds them in the api and the worker.
 */
export async function openRetention(config: AppConfig): Promise<RetentionContext> {
  const databaseUrl =
    config.databaseUrl ?? derivedAppUrl(embeddedPostgresUrl(config.embeddedPgPort, 'overlegtafels'));

  @Global()
  @Module({
    providers: [
      PrismaService,
      PrismaUnitOfWork,
      AuditRepository,
      PrismaDossierRetention,
      // The retention module also holds the nightly purge of expired logins (not run here).
      PrismaExpiredLogins,
      { provide: CLOCK, useValue: new SystemClock() },
      { provide: UnitOfWork, useExisting: PrismaUnitOfWork },
      { provide: AuditLog, useExisting: AuditRepository },
      { provide: DossierRetention, useExisting: PrismaDossierRetention },
      { provide: ExpiredLogins, useExisting: PrismaExpiredLogins },
    ],
    exports: [CLOCK, UnitOfWork, AuditLog, DossierRetention, ExpiredLogins],
  })
  class RetentionPorts {}

  @Module({ imports: [ConfigModule.forRoot({ ...config, databaseUrl }), RetentionPorts, RetentionModule] })
  class RetentionCli {}

  const app = await NestFactory.createApplicationContext(RetentionCli, {
    logger: ['error'],
    abortOnError: false,
  });
  await app.init();
  const prisma = app.get(PrismaService);
  return {
    useCase: app.get(DestroyExpiredDossiersUseCase),
    personIdOf: async (email) =>
      (await prisma.person.findFirst({ where: { email }, select: { id: true } }))?.id ?? null,
    close: () => app.close(),
  };
}

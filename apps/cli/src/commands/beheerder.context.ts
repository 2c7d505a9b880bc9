import { Global, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import {
  AddRegionBeheerderUseCase,
  AuditLog,
  BeheerDirectory,
  RegionRepository,
  UnitOfWork,
} from '@overlegtafels/application';
import { AppConfig, CLOCK, ConfigModule, SystemClock } from '@overlegtafels/config';
import {
  AuditRepository,
  derivedAppUrl,
  embeddedPostgresUrl,
  PrismaBeheerDirectory,
  PrismaRegionRepository,
  PrismaService,
  PrismaUnitOfWork,
} from '@overlegtafels/persistence';

export interface BeheerderContext {
  readonly useCase: AddRegionBeheerderUseCase;
  close(): Promise<void>;
}

/**
 * The use case that makes a region's beheerder, on the database alone: only the repositories it
 * needs, bound to its ports as CoreModule binds them in the api and the worker.
 */
export async function openBeheerder(config: AppConfig): Promise<BeheerderContext> {
  const databaseUrl =
    config.databaseUrl ?? derivedAppUrl(embeddedPostgresUrl(config.embeddedPgPort, 'overlegtafels'));

  @Global()
  @Module({
    providers: [
      PrismaService,
      PrismaUnitOfWork,
      AuditRepository,
      PrismaBeheerDirectory,
      PrismaRegionRepository,
      { provide: CLOCK, useValue: new SystemClock() },
      { provide: UnitOfWork, useExisting: PrismaUnitOfWork },
      { provide: AuditLog, useExisting: AuditRepository },
      { provide: BeheerDirectory, useExisting: PrismaBeheerDirectory },
      { provide: RegionRepository, useExisting: PrismaRegionRepository },
      AddRegionBeheerderUseCase,
    ],
    exports: [AddRegionBeheerderUseCase],
  })
  class BeheerderPorts {}

  @Module({ imports: [ConfigModule.forRoot({ ...config, databaseUrl }), BeheerderPorts] })
  class BeheerderCli {}

  const app = await NestFactory.createApplicationContext(BeheerderCli, {
    logger: ['error'],
    abortOnError: false,
  });
  await app.init();
  return { useCase: app.get(AddRegionBeheerderUseCase), close: () => app.close() };
}

import { AddRegionBeheerderUseCase, BeheerDirectory, RegionRepository } from '@overlegtafels/application';
import { AppConfig } from '@overlegtafels/config';
import { PrismaBeheerDirectory, PrismaRegionRepository } from '@overlegtafels/persistence';
import { openDatabaseContext } from './database-context';

export interface BeheerderContext {
  readonly useCase: AddRegionBeheerderUseCase;
  close(): Promise<void>;
}

/** The use case that makes a region's beheerder, on the database alone. */
export async function openBeheerder(config: AppConfig): Promise<BeheerderContext> {
  const app = await openDatabaseContext(config, [
    PrismaBeheerDirectory,
    PrismaRegionRepository,
    { provide: BeheerDirectory, useExisting: PrismaBeheerDirectory },
    { provide: RegionRepository, useExisting: PrismaRegionRepository },
    AddRegionBeheerderUseCase,
  ]);
  return { useCase: app.get(AddRegionBeheerderUseCase), close: () => app.close() };
}

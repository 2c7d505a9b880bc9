import {
  DestroyExpiredDossiersUseCase,
  DossierRetention,
  ExpiredLogins,
  RetentionModule,
} from '@overlegtafels/application';
import { AppConfig } from '@overlegtafels/config';
import { PrismaDossierRetention, PrismaExpiredLogins, PrismaService } from '@overlegtafels/persistence';
import { openDatabaseContext } from './database-context';

export interface RetentionContext {
  readonly useCase: DestroyExpiredDossiersUseCase;
  personIdOf(email: string): Promise<string | null>;
  close(): Promise<void>;
}

/** The retention use case on the database alone, with the ports its module needs. */
export async function openRetention(config: AppConfig): Promise<RetentionContext> {
  const app = await openDatabaseContext(
    config,
    [
      PrismaDossierRetention,
      // The retention module also holds the nightly purge of expired logins (not run here).
      PrismaExpiredLogins,
      { provide: DossierRetention, useExisting: PrismaDossierRetention },
      { provide: ExpiredLogins, useExisting: PrismaExpiredLogins },
    ],
    [RetentionModule],
  );
  const prisma = app.get(PrismaService);
  return {
    useCase: app.get(DestroyExpiredDossiersUseCase),
    personIdOf: async (email) =>
      (await prisma.person.findFirst({ where: { email }, select: { id: true } }))?.id ?? null,
    close: () => app.close(),
  };
}

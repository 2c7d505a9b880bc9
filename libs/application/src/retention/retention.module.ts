import { Module } from '@nestjs/common';
import { DocumentStore } from '../documents/document-store';
import { PurgeExpiredLoginsUseCase } from '../purge-expired-logins/purge-expired-logins.usecase';
import { DestroyExpiredDossiersUseCase } from './destroy-expired-dossiers.usecase';

/**
 * Retention: the destruction of dossiers whose period is over (the nightly job, the CLI), and the
 * purge of expired logins. Stands on the ports the composition root binds (unit of work, audit
 * log, DossierRetention, ExpiredLogins, clock).
 */
@Module({
  providers: [DocumentStore, DestroyExpiredDossiersUseCase, PurgeExpiredLoginsUseCase],
  exports: [DestroyExpiredDossiersUseCase, PurgeExpiredLoginsUseCase],
})
export class RetentionModule {}

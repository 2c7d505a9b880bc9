import { Module } from '@nestjs/common';
import { DocumentStore } from '../documents/document-store';
import { DestroyExpiredDossiersUseCase } from './destroy-expired-dossiers.usecase';

/**
 * Retention: the destruction of dossiers whose period is over (the nightly job, the CLI). Stands
 * on the ports the composition root binds (unit of work, audit log, DossierRetention, clock).
 */
@Module({
  providers: [DocumentStore, DestroyExpiredDossiersUseCase],
  exports: [DestroyExpiredDossiersUseCase],
})
export class RetentionModule {}

import { Module } from '@nestjs/common';
import { ListDossiersUseCase } from '../list-dossiers/list-dossiers.usecase';
import { OpenDossierUseCase } from './open-dossier.usecase';

/** Need-to-know and its audit for every route that opens or lists dossiers. */
@Module({
  providers: [OpenDossierUseCase, ListDossiersUseCase],
  exports: [OpenDossierUseCase, ListDossiersUseCase],
})
export class OpenDossierModule {}

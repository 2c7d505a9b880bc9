import { Module } from '@nestjs/common';
import { OpenDossierUseCase } from './open-dossier.usecase';

/** Need-to-know and its audit for every route that opens a dossier by code. */
@Module({ providers: [OpenDossierUseCase], exports: [OpenDossierUseCase] })
export class OpenDossierModule {}

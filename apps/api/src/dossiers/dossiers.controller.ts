import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ListDossiersUseCase, OpenDossierUseCase } from '@overlegtafels/application';
import { Authenticated, CurrentPrincipal, Principal } from '@overlegtafels/auth';
import { CurrentRoute } from '../web/current-viewer.decorator';

interface DossierJsonFacts {
  code: string;
  phase: string;
  casusregisseurName: string | null;
  /** A DATE column (UTC midnight) or its day. */
  casusregieStartDate: Date | string | null;
  afrondingDate: Date | string | null;
}

const day = (d: Date | string | null): string | null =>
  d === null ? null : typeof d === 'string' ? d : d.toISOString().slice(0, 10);

export function dossierJson(d: DossierJsonFacts) {
  return {
    code: d.code,
    phase: d.phase,
    casusregisseur: d.casusregisseurName,
    casusregieStartDate: day(d.casusregieStartDate),
    afrondingDate: day(d.afrondingDate),
  };
}

@Controller('api/dossiers')
export class DossiersController {
  constructor(
    @Inject(ListDossiersUseCase) private readonly listDossiers: ListDossiersUseCase,
    @Inject(OpenDossierUseCase) private readonly openDossier: OpenDossierUseCase,
  ) {}

  @Get()
  @Authenticated()
  async list(@CurrentPrincipal() principal: Principal, @CurrentRoute() route: string) {
    const rows = await this.listDossiers.execute(principal, route);
    return { dossiers: rows.map(dossierJson) };
  }

  @Get(':code')
  @Authenticated()
  async read(
    @CurrentPrincipal() principal: Principal,
    @CurrentRoute() route: string,
    @Param('code') code: string,
  ) {
    const dossier = await this.openDossier.execute({
      principal,
      code,
      action: 'dossier.read',
      route,
    });
    return dossierJson(dossier);
  }
}

import { Controller, Get, Inject, Param } from '@nestjs/common';
import { OpenDossierUseCase } from '@overlegtafels/application';
import { AuditService, Authenticated, CurrentPrincipal, dossierScope, Principal } from '@overlegtafels/auth';
import { DossierRepository } from '@overlegtafels/persistence';

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
    @Inject(DossierRepository) private readonly dossiers: DossierRepository,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(OpenDossierUseCase) private readonly openDossier: OpenDossierUseCase,
  ) {}

  @Get()
  @Authenticated()
  async list(@CurrentPrincipal() principal: Principal) {
    const rows = await this.dossiers.list(dossierScope(principal));
    await this.audit.record(principal, {
      action: 'dossier.list',
      entityType: 'dossier',
      entityId: null,
      outcome: 'allowed',
      route: 'GET /api/dossiers',
      details: { count: rows.length },
    });
    return { dossiers: rows.map(dossierJson) };
  }

  @Get(':code')
  @Authenticated()
  async read(@CurrentPrincipal() principal: Principal, @Param('code') code: string) {
    const dossier = await this.openDossier.execute({
      principal,
      code,
      action: 'dossier.read',
      route: 'GET /api/dossiers/:code',
    });
    return dossierJson(dossier);
  }
}

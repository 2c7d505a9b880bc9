import { Controller, Get, Inject, Param } from '@nestjs/common';
import { AuditService, Authenticated, CurrentPrincipal, dossierScope, Principal } from '@overlegtafels/auth';
import { DossierRepository, DossierSummary } from '@overlegtafels/persistence';
import { openDossierByCode } from './open-dossier';

export function dossierJson(d: DossierSummary) {
  return {
    code: d.code,
    phase: d.phase,
    casusregisseur: d.casusregisseurName,
    casusregieStartDate: d.casusregieStartDate?.toISOString().slice(0, 10) ?? null,
    afrondingDate: d.afrondingDate?.toISOString().slice(0, 10) ?? null,
  };
}

@Controller('api/dossiers')
export class DossiersController {
  constructor(
    @Inject(DossierRepository) private readonly dossiers: DossierRepository,
    @Inject(AuditService) private readonly audit: AuditService,
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
    const dossier = await openDossierByCode(this.dossiers, this.audit, principal, code, {
      action: 'dossier.read',
      route: 'GET /api/dossiers/:code',
    });
    return dossierJson(dossier);
  }
}

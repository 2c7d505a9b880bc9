import { Controller, Get, Inject, NotFoundException, Param } from '@nestjs/common';
import {
  AuditService,
  Authenticated,
  CurrentPrincipal,
  dossierAccess,
  dossierScope,
  Principal,
} from '@overlegtafels/auth';
import { DossierRepository, DossierSummary } from '@overlegtafels/persistence';

const CODE = /^[A-Z0-9]{2,10}-\d{4}-\d{4}$/;

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
    const dossier = CODE.test(code) ? await this.dossiers.findByCode(code) : undefined;
    const allowed = dossier !== undefined && dossierAccess(principal, dossier) === 'full';
    await this.audit.record(principal, {
      action: 'dossier.read',
      entityType: 'dossier',
      entityId: dossier?.id ?? null,
      dossierId: allowed ? dossier.id : null,
      outcome: allowed ? 'allowed' : 'denied',
      route: 'GET /api/dossiers/:code',
      details: { code: CODE.test(code) ? code : null },
    });
    // The same answer for "does not exist" and "not yours": a refusal reveals nothing.
    if (!allowed) throw new NotFoundException('Dossier niet gevonden.');
    return dossierJson(dossier);
  }
}

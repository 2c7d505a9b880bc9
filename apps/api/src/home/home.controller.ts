import { Controller, Get, Header, Inject } from '@nestjs/common';
import { AuditService, Authenticated, CurrentPrincipal, dossierScope, Principal } from '@overlegtafels/auth';
import { MAIL_SINK, MailSink } from '@overlegtafels/mail';
import { DossierRepository } from '@overlegtafels/persistence';
import { ViewRenderer } from '../web/view-renderer.service';

export const PHASE_LABELS: Record<string, string> = {
  aangemeld: 'aangemeld',
  herbespreking: 'herbespreking',
  geen_ketenaanpak: 'geen ketenaanpak',
  zonder_casusregisseur: 'ketenaanpak zonder casusregisseur',
  geen_instemming: 'geen instemming',
  casusregie: 'casusregie',
  afgerond: 'afgerond (opvolging 6 maanden)',
  afgesloten: 'afgesloten',
};

@Controller()
export class HomeController {
  constructor(
    @Inject(DossierRepository) private readonly dossiers: DossierRepository,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(ViewRenderer) private readonly views: ViewRenderer,
    @Inject(MAIL_SINK) private readonly sink: MailSink | null,
  ) {}

  @Get()
  @Authenticated()
  @Header('Content-Type', 'text/html; charset=utf-8')
  async overview(@CurrentPrincipal() principal: Principal): Promise<string> {
    const dossiers = await this.dossiers.list(dossierScope(principal));
    await this.audit.record(principal, {
      action: 'dossier.list',
      entityType: 'dossier',
      entityId: null,
      outcome: 'allowed',
      route: 'GET /',
      details: { count: dossiers.length },
    });
    return this.views.render(
      'home',
      { title: 'Overzicht', principal },
      { dossiers, phaseLabels: PHASE_LABELS, mailSink: !!this.sink },
    );
  }
}

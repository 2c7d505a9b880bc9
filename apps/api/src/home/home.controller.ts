import { Controller, Get, Header, Inject } from '@nestjs/common';
import { ListDossiersUseCase } from '@overlegtafels/application';
import { Authenticated, CurrentPrincipal, Principal } from '@overlegtafels/auth';
import { MAIL_SINK, MailSink } from '@overlegtafels/mail';
import { CurrentRoute } from '../web/current-viewer.decorator';
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
    @Inject(ListDossiersUseCase) private readonly listDossiers: ListDossiersUseCase,
    @Inject(ViewRenderer) private readonly views: ViewRenderer,
    @Inject(MAIL_SINK) private readonly sink: MailSink | null,
  ) {}

  @Get()
  @Authenticated()
  @Header('Content-Type', 'text/html; charset=utf-8')
  async overview(@CurrentPrincipal() principal: Principal, @CurrentRoute() route: string): Promise<string> {
    const dossiers = await this.listDossiers.execute(principal, route);
    return this.views.render(
      'home',
      { title: 'Overzicht', principal },
      { dossiers, phaseLabels: PHASE_LABELS, mailSink: !!this.sink },
    );
  }
}

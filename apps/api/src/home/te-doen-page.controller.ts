import { Controller, Get, Header, Inject, Query } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { DossierList, ListMyToDoUseCase, parseInput, ToDoQuerySchema } from '@overlegtafels/application';
import { CurrentPrincipal, dossierScope, Principal, Roles } from '@overlegtafels/auth';
import { CurrentRoute } from '../web/current-viewer.decorator';
import { PageService } from '../web/page.service';

/** Who can have something to do here (the navigation links the page for them). */
export const TO_DO_ROLES = [
  'casusregisseur',
  'coordinator',
  'member',
  'aanmelder',
  'strategisch-coordinator',
] as const;

/**
 * "Voor mij te doen": the person's obligations due soon or overdue (with their fulfilment links),
 * the items to prepare, the items waiting for a decision (coordinators) and the new verslagen,
 * fifty a page with the total.
 */
@ApiExcludeController()
@Controller('te-doen')
export class TeDoenPageController {
  constructor(
    @Inject(ListMyToDoUseCase) private readonly toDo: ListMyToDoUseCase,
    @Inject(DossierList) private readonly dossiers: DossierList,
    @Inject(PageService) private readonly pages: PageService,
  ) {}

  @Get()
  @Roles(...TO_DO_ROLES)
  @Header('Content-Type', 'text/html; charset=utf-8')
  async list(
    @CurrentPrincipal() principal: Principal,
    @CurrentRoute() route: string,
    @Query('pagina') pagina?: string,
  ): Promise<string> {
    const { pagina: page } = parseInput(ToDoQuerySchema, { pagina });
    const list = await this.toDo.execute(principal, { route, ...(page !== undefined && { page }) });
    // A dossier is linked only when it opens for this person (no links that answer 404).
    const codes = list.entries.flatMap((e) => (e.kind === 'obligation' ? [e.obligation.dossierCode] : []));
    const opens = await this.dossiers.within(dossierScope(principal), codes);
    const entries = list.entries.map((e) =>
      e.kind === 'obligation'
        ? { ...e, obligation: { ...e.obligation, dossierOpens: opens.has(e.obligation.dossierCode) } }
        : e,
    );
    return this.pages.render(
      'te-doen',
      { title: 'Voor mij te doen', principal },
      {
        list: { ...list, entries },
        section: (kind: string) => entries.filter((e) => e.kind === kind),
      },
    );
  }
}

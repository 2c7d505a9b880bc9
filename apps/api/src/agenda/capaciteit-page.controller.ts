import { Controller, Get, Header, Inject } from '@nestjs/common';
import { AgendaQueries } from '@overlegtafels/application';
import { CurrentPrincipal, Principal, Roles } from '@overlegtafels/auth';
import { PageService } from '../web/page.service';
import { groupByOrganisation } from '../sessions/zitting-page.controller';

/** Casusregie capacity: per partner organisation its casusregisseurs and the dossiers they carry. */
@Controller('casusregie-capaciteit')
export class CapaciteitPageController {
  constructor(
    @Inject(AgendaQueries) private readonly queries: AgendaQueries,
    @Inject(PageService) private readonly pages: PageService,
  ) {}

  @Get()
  @Roles('coordinator')
  @Header('Content-Type', 'text/html; charset=utf-8')
  async show(@CurrentPrincipal() principal: Principal): Promise<string> {
    const rows = await this.queries.casusregieCapacity(principal.regionId);
    return this.pages.render(
      'capaciteit',
      { title: 'Casusregie-capaciteit', principal },
      { groups: groupByOrganisation(rows) },
    );
  }
}

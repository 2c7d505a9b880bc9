import { Controller, Get, Header, Inject, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import {
  DossierTimelineQuery,
  ListDossiersUseCase,
  OrganisationDirectory,
  scopedRegion,
} from '@overlegtafels/application';
import { CurrentPrincipal, Principal, Roles } from '@overlegtafels/auth';
import { APP_CONFIG, AppConfig } from '@overlegtafels/config';
import { casusregiePhaseKeys } from '@overlegtafels/domain';
import { isCoordinator } from '../agenda/viewer';
import { CurrentRoute } from '../web/current-viewer.decorator';
import { PageService } from '../web/page.service';
import { SearchForm } from '../web/search-form';

/** The search form's fields, as the query string carries them (codes, keys, ids and dates only). */
const FIELDS = ['code', 'phase', 'casusregisseur', 'table', 'from', 'to'] as const;

/**
 * "Dossiers": every dossier the person may see, searchable by code and filtered by phase,
 * casusregisseur, table and period, fifty at a time with the total, running ones first and the
 * newest first. A search with a bad field comes back with the message next to it and the input kept.
 */
@Controller('dossiers')
export class DossierListPageController {
  constructor(
    @Inject(ListDossiersUseCase) private readonly listDossiers: ListDossiersUseCase,
    @Inject(DossierTimelineQuery) private readonly timeline: DossierTimelineQuery,
    @Inject(OrganisationDirectory) private readonly organisations: OrganisationDirectory,
    @Inject(PageService) private readonly pages: PageService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The tables of the reader's region (the request runs in it), for the filter. */
  private tables(): { key: string; name: string }[] {
    return scopedRegion(this.config).tables.map((t) => ({ key: t.key, name: t.name }));
  }

  @Get()
  @Roles('coordinator', 'casusregisseur', 'aanmelder', 'strategisch-coordinator')
  @Header('Content-Type', 'text/html; charset=utf-8')
  async list(
    @CurrentPrincipal() principal: Principal,
    @CurrentRoute() route: string,
    @Query() query: Record<string, unknown>,
    @Res() res: Response,
  ): Promise<void> {
    const form = new SearchForm(query, FIELDS);
    const { result: page, forms } = await form.run('zoeken', () =>
      this.listDossiers.execute(principal, route, {
        ...form.values,
        ...(form.after && { after: form.after }),
      }),
    );
    const coordinator = isCoordinator(principal);
    const casusregisseurs = coordinator
      ? (
          await this.organisations.casusregieCapacity(
            principal.regionId,
            casusregiePhaseKeys(scopedRegion(this.config).dossierLife),
          )
        )
          .map((c) => ({ id: c.personId, name: c.displayName }))
          .sort((a, b) => a.name.localeCompare(b.name, 'nl'))
      : [];
    const html = this.pages.render(
      'dossiers',
      { title: 'Dossiers', principal },
      {
        result: page && {
          total: page.total,
          rows: page.dossiers.map((d) => ({ ...d, phaseLabel: this.timeline.phaseLabel(d.phase) })),
        },
        values: form.values,
        first: form.after !== undefined,
        firstHref: form.href('/dossiers'),
        nextHref: page?.next ? form.href('/dossiers', page.next) : undefined,
        filtered: form.filtered,
        phases: this.timeline.phases(),
        tables: this.tables(),
        casusregisseurs,
        coordinator,
      },
      forms,
    );
    res.status(forms.status).send(html);
  }
}

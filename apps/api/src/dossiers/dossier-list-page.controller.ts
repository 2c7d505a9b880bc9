import { Controller, Get, Header, Inject, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import {
  DossierTimelineQuery,
  InputError,
  ListDossiersUseCase,
  ListedDossiers,
  OrganisationDirectory,
} from '@overlegtafels/application';
import { CurrentPrincipal, Principal, Roles } from '@overlegtafels/auth';
import { APP_CONFIG, AppConfig } from '@overlegtafels/config';
import { DOSSIER_PHASES } from '@overlegtafels/domain';
import { getRegion } from '@overlegtafels/regions';
import { isCoordinator } from '../agenda/viewer';
import { CurrentRoute } from '../web/current-viewer.decorator';
import { PageForms } from '../web/page-form';
import { PageService } from '../web/page.service';

/** The search form's fields, as the query string carries them (codes, keys, ids and dates only). */
const FIELDS = ['code', 'phase', 'casusregisseur', 'table', 'from', 'to'] as const;

/**
 * "Dossiers": every dossier the person may see, searchable by code and filtered by phase,
 * casusregisseur, table and period, fifty at a time with the total, running ones first and the
 * newest first. A search with a bad field comes back with the message next to it and the input kept.
 */
@Controller('dossiers')
export class DossierListPageController {
  private readonly tables: { key: string; name: string }[];

  constructor(
    @Inject(ListDossiersUseCase) private readonly listDossiers: ListDossiersUseCase,
    @Inject(DossierTimelineQuery) private readonly timeline: DossierTimelineQuery,
    @Inject(OrganisationDirectory) private readonly organisations: OrganisationDirectory,
    @Inject(PageService) private readonly pages: PageService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.tables = (getRegion(config.region)?.tables ?? []).map((t) => ({ key: t.key, name: t.name }));
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
    const values: Record<string, string> = {};
    for (const f of FIELDS) if (typeof query[f] === 'string') values[f] = query[f];
    let page: ListedDossiers | undefined;
    let forms = new PageForms();
    try {
      page = await this.listDossiers.execute(principal, route, {
        ...values,
        ...(typeof query.after === 'string' && { after: query.after }),
      });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      forms = new PageForms({ key: 'zoeken', values, errors: error.errors, status: 400 });
    }
    const coordinator = isCoordinator(principal);
    const casusregisseurs = coordinator
      ? (await this.organisations.casusregieCapacity(principal.regionId))
          .map((c) => ({ id: c.personId, name: c.displayName }))
          .sort((a, b) => a.name.localeCompare(b.name, 'nl'))
      : [];
    const filtered = FIELDS.some((f) => values[f]);
    const search = new URLSearchParams(Object.entries(values).filter(([, v]) => v !== ''));
    const nextHref = page?.next
      ? `/dossiers?${new URLSearchParams([...search, ['after', page.next]]).toString()}`
      : undefined;
    const html = this.pages.render(
      'dossiers',
      { title: 'Dossiers', principal },
      {
        result: page && {
          total: page.total,
          rows: page.dossiers.map((d) => ({ ...d, phaseLabel: this.timeline.phaseLabel(d.phase) })),
        },
        values,
        first: typeof query.after === 'string',
        firstHref: `/dossiers${search.size > 0 ? `?${search.toString()}` : ''}`,
        nextHref,
        filtered,
        phases: DOSSIER_PHASES.map((p) => ({ key: p, label: this.timeline.phaseLabel(p) })),
        tables: this.tables,
        casusregisseurs,
        coordinator,
      },
      forms,
    );
    res.status(forms.status).send(html);
  }
}

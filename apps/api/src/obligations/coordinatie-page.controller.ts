import { Controller, Get, Header, Inject, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  CoordinationOverviewUseCase,
  DUE_PERIOD_LABELS,
  ObligationRules,
  obligationKinds,
  OrganisationDirectory,
} from '@overlegtafels/application';
import { CurrentPrincipal, Principal, Roles } from '@overlegtafels/auth';
import { casusregiePhaseKeys } from '@overlegtafels/domain';
import { CurrentRoute } from '../web/current-viewer.decorator';
import { PageService } from '../web/page.service';
import { SearchForm } from '../web/search-form';
import { OPVOLGING_NOTICES } from './opvolging-page.controller';

/** The search form's fields, as the query string carries them (codes, keys, ids and periods only). */
const FIELDS = ['code', 'casusregisseur', 'organisation', 'kind', 'due'] as const;

/**
 * The coordinators' dashboard: how many obligations are overdue, per casusregisseur and per
 * organisation (each a link to that part of the list); the region's open obligations, overdue
 * first and then the nearest, fifty a page with the total, searchable; how full the coming
 * sessions of each table are.
 */
@ApiExcludeController()
@Controller('coordinatie')
export class CoordinatiePageController {
  constructor(
    @Inject(CoordinationOverviewUseCase) private readonly overview: CoordinationOverviewUseCase,
    @Inject(OrganisationDirectory) private readonly organisations: OrganisationDirectory,
    @Inject(ObligationRules) private readonly rules: ObligationRules,
    @Inject(PageService) private readonly pages: PageService,
  ) {}

  @Get()
  @Roles('coordinator')
  @Header('Content-Type', 'text/html; charset=utf-8')
  async show(
    @CurrentPrincipal() principal: Principal,
    @CurrentRoute() route: string,
    @Query() query: Record<string, unknown>,
    @Res() res: Response,
  ): Promise<void> {
    const melding = typeof query.melding === 'string' ? query.melding : undefined;
    const form = new SearchForm(query, FIELDS);
    const searched = await form.run('zoeken', () =>
      this.overview.execute(principal, { ...form.values, ...(form.after && { after: form.after }), route }),
    );
    const forms = searched.forms;
    // A bad search still shows the counts and the load; the list waits for a corrected search.
    const dashboard = searched.result ?? (await this.overview.execute(principal, { route }));
    const people = await this.organisations.casusregieCapacity(
      principal.regionId,
      casusregiePhaseKeys(this.rules.region.dossierLife),
    );
    const organisations = new Map(
      people.flatMap((p) =>
        p.organisationId ? [[p.organisationId, p.organisationName ?? '—'] as const] : [],
      ),
    );
    const html = this.pages.render(
      'coordinatie',
      {
        title: 'Coördinatie',
        principal,
        notice: melding && Object.hasOwn(OPVOLGING_NOTICES, melding) ? OPVOLGING_NOTICES[melding] : undefined,
      },
      {
        dashboard,
        listed: forms.status === 200,
        back: 'coordinatie',
        values: form.values,
        filtered: form.filtered,
        first: form.after !== undefined,
        firstHref: `${form.href('/coordinatie')}#taken`,
        nextHref: dashboard.obligations.next
          ? `${form.href('/coordinatie', dashboard.obligations.next)}#taken`
          : undefined,
        kinds: obligationKinds(this.rules),
        duePeriods: DUE_PERIOD_LABELS,
        casusregisseurs: people
          .map((p) => ({ value: p.personId, label: p.displayName }))
          .sort((a, b) => a.label.localeCompare(b.label, 'nl')),
        organisations: [...organisations]
          .map(([value, label]) => ({ value, label }))
          .sort((a, b) => a.label.localeCompare(b.label, 'nl')),
      },
      forms,
    );
    res.status(forms.status).send(html);
  }
}

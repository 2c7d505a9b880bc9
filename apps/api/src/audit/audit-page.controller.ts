import { Controller, Get, Header, Inject, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ReadAuditTrailUseCase } from '@overlegtafels/application';
import { CurrentPrincipal, hasRole, Principal, Roles } from '@overlegtafels/auth';
import { CLOCK, Clock } from '@overlegtafels/config';
import { DateTime } from 'luxon';
import { CurrentRoute } from '../web/current-viewer.decorator';
import { PageService } from '../web/page.service';
import { SearchForm } from '../web/search-form';
import { AUDIT_CSV_HEADER, auditCsvLine } from './audit-csv';

const FIELDS = ['code', 'person', 'action', 'outcome', 'from', 'to'] as const;

/** The actions a watcher most often looks for, as the filter offers them (any other can be typed). */
const ACTIONS: readonly { value: string; label: string }[] = [
  { value: 'dossier.', label: 'alles over dossiers' },
  { value: 'dossier.read', label: 'dossier gelezen' },
  { value: 'dossier.list', label: 'dossierlijst bekeken' },
  { value: 'agenda.read', label: 'agenda bekeken' },
  { value: 'agenda-item.read', label: 'agendapunt gelezen' },
  { value: 'document.read', label: 'document geopend' },
  { value: 'decision.', label: 'beslissingen' },
  { value: 'route.refused', label: 'toegang geweigerd' },
  { value: 'audit.', label: 'auditlogboek bekeken of geëxporteerd' },
];

/**
 * "Auditlogboek": who saw or changed which dossier, when, by which route, allowed or refused —
 * for the region's coordinators and its functionaris gegevensbescherming, filterable, a hundred
 * rows at a time with the total, and as a CSV file with every matching row.
 */
@Controller('audit')
export class AuditPageController {
  constructor(
    @Inject(ReadAuditTrailUseCase) private readonly trail: ReadAuditTrailUseCase,
    @Inject(PageService) private readonly pages: PageService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @Roles('coordinator', 'gegevensbescherming')
  @Header('Content-Type', 'text/html; charset=utf-8')
  async page(
    @CurrentPrincipal() principal: Principal,
    @CurrentRoute() route: string,
    @Query() query: Record<string, unknown>,
    @Res() res: Response,
  ): Promise<void> {
    const form = new SearchForm(query, FIELDS);
    const { result, forms } = await form.run('audit', () =>
      this.trail.page(principal, route, { ...form.values, ...(form.after && { after: form.after }) }),
    );
    const html = this.pages.render(
      'audit',
      { title: 'Auditlogboek', principal },
      {
        values: form.values,
        result,
        actions: ACTIONS,
        // The data-protection officer sees who did what, not the dossier: no link into it.
        linkDossiers: hasRole(principal, 'coordinator'),
        filtered: form.filtered,
        later: form.after !== undefined,
        firstHref: form.href('/audit'),
        nextHref: result?.next ? form.href('/audit', result.next) : undefined,
        csvHref: form.href('/audit/export.csv'),
      },
      forms,
    );
    res.status(forms.status).send(html);
  }

  @Get('export.csv')
  @Roles('coordinator', 'gegevensbescherming')
  async csv(
    @CurrentPrincipal() principal: Principal,
    @CurrentRoute() route: string,
    @Query() query: Record<string, unknown>,
    @Res() res: Response,
  ): Promise<void> {
    const rows = this.trail.export(principal, route, new SearchForm(query, FIELDS).values);
    // The first row is read before the headers go out: a bad filter is still a plain 400.
    const first = await rows.next();
    const day = DateTime.fromJSDate(this.clock.now(), { zone: 'Europe/Brussels' }).toISODate();
    res
      .status(200)
      .type('text/csv; charset=utf-8')
      .attachment(`auditlogboek-${day}.csv`)
      .setHeader('Cache-Control', 'no-store');
    // A byte-order mark, so that a spreadsheet reads the accents as UTF-8.
    res.write(`\uFEFF${AUDIT_CSV_HEADER.join(';')}\r\n`);
    if (!first.done) res.write(auditCsvLine(first.value));
    for await (const row of rows) {
      if (!res.write(auditCsvLine(row))) await new Promise((r) => res.once('drain', r));
    }
    res.end();
  }
}

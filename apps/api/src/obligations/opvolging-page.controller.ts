import {
  Body,
  Controller,
  Get,
  Header,
  Inject,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  DossierList,
  DUE_PERIOD_LABELS,
  ListMyObligationsUseCase,
  MarkObligationDoneUseCase,
  ObligationRules,
  obligationKinds,
} from '@overlegtafels/application';
import { CurrentPrincipal, dossierScope, Principal, Roles } from '@overlegtafels/auth';
import { CurrentRoute } from '../web/current-viewer.decorator';
import { PageService } from '../web/page.service';
import { SearchForm } from '../web/search-form';
import { formSubmissionKey, withKey } from '../web/submission-key';
import { noteOf } from './obligation-form';

/** The search form's fields, as the query string carries them (codes, keys and periods only). */
const FIELDS = ['code', 'kind', 'due'] as const;

/** Fixed texts only: the redirect's query never puts arbitrary text on the page. */
export const OPVOLGING_NOTICES: Record<string, string> = {
  afgerond: 'De taak is als afgerond gemarkeerd.',
  'geen-instemming':
    'Geen instemming is geregistreerd: de casusregie start niet en het dossier is niet meer van u. De aanmelder en de coördinatoren van het ICO krijgen een mail.',
  OBLIGATION_NOT_FOUND: 'Deze opvolgingstaak bestaat niet of u hebt er geen toegang toe.',
  OBLIGATION_NOT_OPEN: 'Deze opvolgingstaak is niet meer open.',
  FULFILMENT_NOTE_REQUIRED: 'Noteer kort wat er gebeurd is voor u de taak als afgerond markeert.',
  FULFILMENT_NOTE_TOO_LONG: 'De notitie is te lang (hoogstens 2000 tekens).',
  MANUAL_FULFILMENT_NOT_ALLOWED:
    'Deze taak wordt afgerond door te agenderen of door een beslissing; enkel een coördinator kan ze met een toelichting afsluiten.',
};

/** Where a "done" form may send the person back to. */
const BACK: Record<string, string> = { opvolging: '/opvolging', coordinatie: '/coordinatie' };

/**
 * "Mijn opvolging": the open obligations a person owns, overdue first and then the nearest, fifty
 * a page with the total, narrowed by dossier code, kind and due period; each with its one-click
 * agendering. A search with a bad field comes back with the message next to it and the input kept.
 */
@ApiExcludeController()
@Controller('opvolging')
export class OpvolgingPageController {
  constructor(
    @Inject(ListMyObligationsUseCase) private readonly mine: ListMyObligationsUseCase,
    @Inject(MarkObligationDoneUseCase) private readonly markDone: MarkObligationDoneUseCase,
    @Inject(PageService) private readonly pages: PageService,
    @Inject(DossierList) private readonly dossiers: DossierList,
    @Inject(ObligationRules) private readonly rules: ObligationRules,
  ) {}

  @Get()
  @Roles('casusregisseur', 'coordinator', 'strategisch-coordinator', 'member', 'aanmelder')
  @Header('Content-Type', 'text/html; charset=utf-8')
  async list(
    @CurrentPrincipal() principal: Principal,
    @CurrentRoute() route: string,
    @Query() query: Record<string, unknown>,
    @Res() res: Response,
  ): Promise<void> {
    const melding = typeof query.melding === 'string' ? query.melding : undefined;
    const form = new SearchForm(query, FIELDS);
    const { result: mine, forms } = await form.run('zoeken', () =>
      this.mine.execute(principal, { ...form.values, ...(form.after && { after: form.after }), route }),
    );
    // The dossier is linked only when it opens for this person (issue #15: an action point's owner
    // at the table is often not one of the dossier's people). Codes only, nothing of them shown.
    const opens = await this.dossiers.within(
      dossierScope(principal),
      (mine?.obligations ?? []).map((o) => o.dossierCode),
    );
    const html = this.pages.render(
      'opvolging',
      {
        title: 'Mijn opvolging',
        principal,
        notice: melding && Object.hasOwn(OPVOLGING_NOTICES, melding) ? OPVOLGING_NOTICES[melding] : undefined,
      },
      {
        result: mine && {
          total: mine.total,
          rows: mine.obligations.map((o) => ({ ...o, dossierOpens: opens.has(o.dossierCode) })),
        },
        back: 'opvolging',
        values: form.values,
        filtered: form.filtered,
        first: form.after !== undefined,
        firstHref: form.href('/opvolging'),
        nextHref: mine?.next ? form.href('/opvolging', mine.next) : undefined,
        kinds: obligationKinds(this.rules),
        duePeriods: DUE_PERIOD_LABELS,
      },
      forms,
    );
    res.status(forms.status).send(html);
  }

  @Post(':id/afgerond')
  @Roles('casusregisseur', 'coordinator', 'member', 'aanmelder')
  async done(
    @CurrentPrincipal() principal: Principal,
    @CurrentRoute() route: string,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: { note?: unknown; terug?: unknown; submissionKey?: unknown },
    @Res() res: Response,
  ): Promise<void> {
    // One press marks once: a reload or a double click lands where the first did (issue #15).
    const result = await this.markDone.execute(principal, {
      obligationId: id,
      note: noteOf(body),
      route,
      ...withKey(formSubmissionKey(body)),
    });
    const back =
      typeof body?.terug === 'string' && Object.hasOwn(BACK, body.terug) ? BACK[body.terug]! : '/opvolging';
    res.redirect(303, `${back}?melding=${result.ok ? 'afgerond' : result.code}`);
  }
}

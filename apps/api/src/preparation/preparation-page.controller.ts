import { Body, Controller, Get, Header, Inject, Param, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  AgendaRefusal,
  ListItemPreparationUseCase,
  ListSessionPreparationUseCase,
  parseInput,
  PreparationSchema,
  RecordPreparationUseCase,
  RemindPreparationUseCase,
  Viewer,
} from '@overlegtafels/application';
import { Authenticated, CurrentPrincipal, Principal, Roles } from '@overlegtafels/auth';
import { PREPARATION_VISIBILITIES, PREPARATION_VISIBILITY_LABELS } from '@overlegtafels/domain';
import { viewerOf } from '../agenda/viewer';
import { CurrentRoute } from '../web/current-viewer.decorator';
import { failedForm, FailedForm, isUuid, noticeFor, PageForms, pick } from '../web/page-form';
import { PageService } from '../web/page.service';
import { formSubmissionKey, withKey } from '../web/submission-key';

const NOTICES = {
  opgeslagen: 'Uw voorbereiding is opgeslagen. U kunt ze wijzigen tot de zitting gehouden is.',
  herinnerd: 'De herinnering is verstuurd naar de partners die nog niet voorbereid hebben.',
  'niemand-te-herinneren': 'Alle partners hebben dit agendapunt voorbereid; er is niemand te herinneren.',
} satisfies Record<string, string>;

const FIELDS = ['known', 'summary', 'riskSignals', 'visibility'] as const;
const VISIBILITIES = PREPARATION_VISIBILITIES.map((value) => ({
  value,
  label: PREPARATION_VISIBILITY_LABELS[value],
}));

const notFound = () =>
  new AgendaRefusal('ITEM_NOT_FOUND', 'Agendapunt niet gevonden.', undefined, 'not_found');

/**
 * "Voorbereiding": a partner's form per item (what its organisation found in its own systems),
 * the entries the viewer may read, and for coordinators the overview per session with the
 * reminder button. Usable without JavaScript: each form posts and comes back with its errors.
 */
@ApiExcludeController()
@Controller('voorbereiding')
export class PreparationPageController {
  constructor(
    @Inject(ListItemPreparationUseCase) private readonly list: ListItemPreparationUseCase,
    @Inject(RecordPreparationUseCase) private readonly record: RecordPreparationUseCase,
    @Inject(ListSessionPreparationUseCase) private readonly overview: ListSessionPreparationUseCase,
    @Inject(RemindPreparationUseCase) private readonly remind: RemindPreparationUseCase,
    @Inject(PageService) private readonly pages: PageService,
  ) {}

  @Get('zitting/:sessionId')
  @Roles('coordinator')
  @Header('Content-Type', 'text/html; charset=utf-8')
  async session(
    @CurrentPrincipal() principal: Principal,
    @CurrentRoute() route: string,
    @Param('sessionId') sessionId: string,
    @Query('melding') melding?: string,
  ): Promise<string> {
    if (!isUuid(sessionId)) {
      throw new AgendaRefusal('SESSION_NOT_FOUND', 'Zitting niet gevonden.', undefined, 'not_found');
    }
    const view = await this.overview.execute({ viewer: viewerOf(principal, route), sessionId });
    return this.pages.render(
      'voorbereiding-zitting',
      { title: `Voorbereiding – ${view.tableName}`, principal, notice: noticeFor(NOTICES, melding) },
      { view },
    );
  }

  @Get(':itemId')
  @Authenticated()
  @Header('Content-Type', 'text/html; charset=utf-8')
  async show(
    @CurrentPrincipal() principal: Principal,
    @CurrentRoute() route: string,
    @Param('itemId') itemId: string,
    @Query('melding') melding?: string,
  ): Promise<string> {
    return this.render(viewerOf(principal, route), principal, itemId, noticeFor(NOTICES, melding));
  }

  @Post(':itemId')
  @Roles('member')
  async save(
    @CurrentPrincipal() principal: Principal,
    @CurrentRoute() route: string,
    @Param('itemId') itemId: string,
    @Body() body: Record<string, unknown>,
    @Res() res: Response,
  ): Promise<void> {
    if (!isUuid(itemId)) throw notFound();
    const actor = viewerOf(principal, route);
    try {
      await this.record.execute({
        actor,
        itemId,
        preparation: parseInput(PreparationSchema, body),
        ...withKey(formSubmissionKey(body)),
      });
      res.redirect(303, `/voorbereiding/${itemId}?melding=opgeslagen`);
    } catch (error) {
      const failed = failedForm('voorbereiding', pick(body, FIELDS), error);
      res
        .status(failed.status)
        .type('html')
        .send(await this.render(actor, principal, itemId, undefined, failed));
    }
  }

  /**
   * With the form's one-time key: a repeat (a reload, a double click) mails and audits nothing
   * more and lands on the same overview (the outbox keeps one reminder per item, person and day).
   */
  @Post(':itemId/herinnering')
  @Roles('coordinator')
  async sendReminder(
    @CurrentPrincipal() principal: Principal,
    @CurrentRoute() route: string,
    @Param('itemId') itemId: string,
    @Body() body: Record<string, unknown>,
    @Res() res: Response,
  ): Promise<void> {
    if (!isUuid(itemId)) throw notFound();
    const result = await this.remind.execute({
      actor: viewerOf(principal, route),
      itemId,
      ...withKey(formSubmissionKey(body)),
    });
    const melding = result.reminded.length > 0 ? 'herinnerd' : 'niemand-te-herinneren';
    res.redirect(303, `/voorbereiding/zitting/${result.sessionId}?melding=${melding}#punt-${itemId}`);
  }

  private async render(
    viewer: Viewer,
    principal: Principal,
    itemId: string,
    notice?: string,
    failed?: FailedForm,
  ): Promise<string> {
    if (!isUuid(itemId)) throw notFound();
    const view = await this.list.execute({ viewer, itemId });
    const own = view.own;
    const defaults = own
      ? {
          known: own.known ? 'ja' : 'nee',
          summary: own.summary ?? '',
          riskSignals: own.riskSignals ?? '',
          visibility: own.visibility,
        }
      : {};
    return this.pages.render(
      'voorbereiding',
      { title: `Voorbereiding – ${view.dossierCode}`, principal, notice },
      { view, defaults, visibilities: VISIBILITIES, failedMessage: failed?.message },
      new PageForms(failed),
    );
  }
}

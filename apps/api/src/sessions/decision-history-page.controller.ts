import { Body, Controller, Get, Header, Inject, NotFoundException, Param, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import {
  AgendaQueries,
  ChangeDecisionUseCase,
  ConsulentCheckQuery,
  DecisionWithdrawalQuery,
  DecisionWithdrawalView,
  parseInput,
  WithdrawDecisionSchema,
  WithdrawDecisionUseCase,
} from '@overlegtafels/application';
import { CurrentPrincipal, Principal, Roles } from '@overlegtafels/auth';
import { DECISION_KIND_LABELS, DecisionKind } from '@overlegtafels/domain';
import { viewerOf } from '../agenda/viewer';
import { CurrentRoute } from '../web/current-viewer.decorator';
import { failedForm, FailedForm, isUuid, PageForms, pick } from '../web/page-form';
import { formSubmissionKey } from '../web/submission-key';
import { PageService } from '../web/page.service';
import { DECISION_FIELDS, parseChangeForm } from './decision-form';
import { groupByOrganisation } from './zitting-page.controller';

interface ItemPath {
  principal: Principal;
  route: string;
  sessionId: string;
  itemId: string;
}

/**
 * Withdrawing and changing a decision from the agenda, each on a page of its own (no JavaScript
 * needed): the withdrawal asks for the reason after saying what it undoes and whom it tells (the
 * confirmation step); the change shows the decision form filled in with the standing decision.
 * Both redirect to the agenda after success (PRG) and carry a one-time submission key.
 */
@Controller('agenda')
export class DecisionHistoryPageController {
  constructor(
    @Inject(DecisionWithdrawalQuery) private readonly preview: DecisionWithdrawalQuery,
    @Inject(WithdrawDecisionUseCase) private readonly withdrawal: WithdrawDecisionUseCase,
    @Inject(ChangeDecisionUseCase) private readonly change: ChangeDecisionUseCase,
    @Inject(AgendaQueries) private readonly queries: AgendaQueries,
    @Inject(ConsulentCheckQuery) private readonly consulentChecks: ConsulentCheckQuery,
    @Inject(PageService) private readonly pages: PageService,
  ) {}

  @Get(':sessionId/punten/:itemId/intrekken')
  @Roles('coordinator')
  @Header('Content-Type', 'text/html; charset=utf-8')
  async confirmWithdrawal(
    @CurrentPrincipal() principal: Principal,
    @CurrentRoute() route: string,
    @Param('sessionId') sessionId: string,
    @Param('itemId') itemId: string,
  ): Promise<string> {
    return this.withdrawalPage({ principal, route, sessionId, itemId });
  }

  @Post(':sessionId/punten/:itemId/intrekken')
  @Roles('coordinator')
  async withdraw(
    @CurrentPrincipal() principal: Principal,
    @CurrentRoute() route: string,
    @Param('sessionId') sessionId: string,
    @Param('itemId') itemId: string,
    @Body() body: Record<string, unknown>,
    @Res() res: Response,
  ): Promise<void> {
    const path = { principal, route, sessionId, itemId };
    if (!isUuid(sessionId) || !isUuid(itemId)) throw new NotFoundException('Agendapunt niet gevonden.');
    const values = pick(body, ['reason']);
    try {
      const submissionKey = formSubmissionKey(body);
      await this.withdrawal.execute({
        actor: viewerOf(principal, route),
        itemId,
        ...parseInput(WithdrawDecisionSchema, values),
        ...(submissionKey && { submissionKey }),
      });
      res.redirect(303, `/agenda/${sessionId}?melding=ingetrokken#punt-${itemId}`);
    } catch (error) {
      const failed = failedForm('intrekken', values, error);
      res
        .status(failed.status)
        .type('html')
        .send(await this.withdrawalPage(path, failed));
    }
  }

  @Get(':sessionId/punten/:itemId/wijzigen')
  @Roles('coordinator')
  @Header('Content-Type', 'text/html; charset=utf-8')
  async changeForm(
    @CurrentPrincipal() principal: Principal,
    @CurrentRoute() route: string,
    @Param('sessionId') sessionId: string,
    @Param('itemId') itemId: string,
  ): Promise<string> {
    return this.changePage({ principal, route, sessionId, itemId });
  }

  @Post(':sessionId/punten/:itemId/wijzigen')
  @Roles('coordinator')
  async changeDecision(
    @CurrentPrincipal() principal: Principal,
    @CurrentRoute() route: string,
    @Param('sessionId') sessionId: string,
    @Param('itemId') itemId: string,
    @Body() body: Record<string, unknown>,
    @Res() res: Response,
  ): Promise<void> {
    const path = { principal, route, sessionId, itemId };
    if (!isUuid(sessionId) || !isUuid(itemId)) throw new NotFoundException('Agendapunt niet gevonden.');
    const values = pick(body, [...DECISION_FIELDS, 'reason']);
    try {
      const submissionKey = formSubmissionKey(body);
      await this.change.execute({
        actor: viewerOf(principal, route),
        itemId,
        ...parseChangeForm(values),
        ...(submissionKey && { submissionKey }),
      });
      res.redirect(303, `/agenda/${sessionId}?melding=gewijzigd#punt-${itemId}`);
    } catch (error) {
      const failed = failedForm('wijzigen', values, error);
      res
        .status(failed.status)
        .type('html')
        .send(await this.changePage(path, failed));
    }
  }

  /** The standing decision of the item on this session, or 404 (also for another session's item). */
  private async view({ principal, route, sessionId, itemId }: ItemPath): Promise<DecisionWithdrawalView> {
    if (!isUuid(sessionId) || !isUuid(itemId)) throw new NotFoundException('Agendapunt niet gevonden.');
    const view = await this.preview.execute(viewerOf(principal, route), itemId);
    if (view.sessionId !== sessionId) throw new NotFoundException('Agendapunt niet gevonden.');
    return view;
  }

  private async withdrawalPage(path: ItemPath, failed?: FailedForm): Promise<string> {
    const decision = await this.view(path);
    return this.pages.render(
      'beslissing-intrekken',
      { title: `Beslissing intrekken – ${decision.dossierCode}`, principal: path.principal },
      { decision, sessionId: path.sessionId, itemId: path.itemId },
      new PageForms(failed),
    );
  }

  private async changePage(path: ItemPath, failed?: FailedForm): Promise<string> {
    const decision = await this.view(path);
    const viewer = viewerOf(path.principal, path.route);
    const kinds = this.queries.decisionKinds(decision.tableKey, decision.itemType);
    const checks = kinds.includes('afronding_goedgekeurd')
      ? await this.consulentChecks.forDossiers(viewer, [decision.dossierCode])
      : new Map();
    const capacity = await this.queries.casusregieCapacity(path.principal.regionId);
    // The decision form's partial reads the item as the agenda page gives it.
    const entry = {
      id: path.itemId,
      dossierCode: decision.dossierCode,
      decisionKinds: kinds.map((kind: DecisionKind) => ({
        kind,
        label: DECISION_KIND_LABELS[kind],
        unavailable: null,
      })),
      consulentCheck: checks.get(decision.dossierCode) ?? null,
      traject: this.queries.decisionTraject(decision.tableKey, decision.itemType),
      risk: null,
    };
    return this.pages.render(
      'beslissing-wijzigen',
      { title: `Beslissing wijzigen – ${decision.dossierCode}`, principal: path.principal },
      {
        decision,
        entry,
        capacity: groupByOrganisation(capacity),
        sessionId: path.sessionId,
        itemId: path.itemId,
      },
      new PageForms(failed),
    );
  }
}

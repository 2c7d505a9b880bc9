import { Body, Controller, Get, Header, Inject, NotFoundException, Param, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import {
  InputError,
  OpenDossierUseCase,
  parseInput,
  RecordRiskPictureUseCase,
  riskFormField,
  riskFormValues,
  riskPictureFromForm,
  RiskPictureQuery,
  RiskPictureUpdateSchema,
} from '@overlegtafels/application';
import { CurrentPrincipal, hasRole, Principal, Roles } from '@overlegtafels/auth';
import { RISK_PICTURE_OCCASION_LABELS } from '@overlegtafels/domain';
import { CurrentRoute } from '../web/current-viewer.decorator';
import { failedForm, FailedForm, PageForms, str } from '../web/page-form';
import { PageService } from '../web/page.service';
import { formSubmissionKey, withKey } from '../web/submission-key';
import { pictureActorOf, riskFieldsView, riskValuesOf } from './risk-picture-fields';

const OCCASIONS = (['update', 'tussentijdse-evaluatie', 'afronding'] as const).map((value) => ({
  value,
  label: RISK_PICTURE_OCCASION_LABELS[value],
}));

/**
 * The casusregisseur's edit page of the risk picture: every factor of the region's kijkschema with
 * the current version's marks filled in, saved as a new version. The dossier is opened as for
 * reading (need-to-know, audited, the same 404); the use case checks who may record.
 */
@Controller('dossiers')
export class RiskPicturePageController {
  constructor(
    @Inject(OpenDossierUseCase) private readonly openDossier: OpenDossierUseCase,
    @Inject(RecordRiskPictureUseCase) private readonly record: RecordRiskPictureUseCase,
    @Inject(RiskPictureQuery) private readonly query: RiskPictureQuery,
    @Inject(PageService) private readonly pages: PageService,
  ) {}

  @Get(':code/risicotaxatie/nieuw')
  @Roles('casusregisseur', 'coordinator')
  @Header('Content-Type', 'text/html; charset=utf-8')
  async edit(
    @CurrentPrincipal() principal: Principal,
    @CurrentRoute() route: string,
    @Param('code') code: string,
  ): Promise<string> {
    return this.render(principal, route, code);
  }

  @Post(':code/risicotaxatie')
  @Roles('casusregisseur', 'coordinator')
  async save(
    @CurrentPrincipal() principal: Principal,
    @CurrentRoute() route: string,
    @Param('code') code: string,
    @Body() body: Record<string, unknown>,
    @Res() res: Response,
  ): Promise<void> {
    const dossier = await this.openDossier.execute({ principal, code, action: 'dossier.read', route });
    const form = riskPictureFromForm(body);
    const occasion = str(body, 'occasion');
    const values = { ...riskFormValues(body), occasion };
    try {
      await this.record.execute({
        actor: pictureActorOf(principal, route),
        dossierId: dossier.id,
        picture: parseInput(RiskPictureUpdateSchema, { ...form, occasion: occasion || undefined }),
        // A reload or double click makes no second version.
        ...withKey(formSubmissionKey(body)),
      });
      res.redirect(303, `/dossiers/${dossier.code}?melding=risicotaxatie#risicotaxatie`);
    } catch (error) {
      const keys = form.factors.map((f) => f.factorKey);
      const mapped =
        error instanceof InputError
          ? new InputError(error.errors.map((e) => ({ ...e, field: riskFormField(e.field, keys) })))
          : error;
      const failed = failedForm('risicotaxatie', values, mapped);
      res
        .status(failed.status)
        .type('html')
        .send(await this.render(principal, route, dossier.code, failed));
    }
  }

  private async render(principal: Principal, route: string, code: string, failed?: FailedForm) {
    const dossier = await this.openDossier.execute({ principal, code, action: 'dossier.read', route });
    const view = await this.query.forDossier(principal, dossier.id, route);
    const instrument = this.query.instrument;
    const mayRecord =
      hasRole(principal, 'coordinator') ||
      (hasRole(principal, 'casusregisseur') && dossier.casusregisseurId === principal.personId);
    if (!view || !instrument || !mayRecord || !this.query.updatesIn(dossier.phase)) {
      throw new NotFoundException('Dossier niet gevonden.');
    }
    const defaults = { ...riskValuesOf(view.current), occasion: 'update' };
    const values = failed ? failed.values : defaults;
    return this.pages.render(
      'risicotaxatie-bewerken',
      { title: `Risicotaxatie ${dossier.code}`, principal },
      {
        code: dossier.code,
        version: view.current?.version ?? null,
        defaults,
        occasions: OCCASIONS,
        risk: riskFieldsView(instrument, view.clients, values),
      },
      new PageForms(failed),
    );
  }
}

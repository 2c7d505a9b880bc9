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
import type { Response } from 'express';
import {
  AgendaRefusal,
  AgendaService,
  EditPlanVanAanpakUseCase,
  InputError,
  parseInput,
  PlanEdit,
  PlanProfilesSchema,
  PlanRowSchema,
  ReadPlanVanAanpakUseCase,
  ReadPlanVersionUseCase,
  Viewer,
} from '@overlegtafels/application';
import { Authenticated, CurrentPrincipal, Principal, Roles } from '@overlegtafels/auth';
import { findRiskFactor } from '@overlegtafels/domain';
import { CurrentRoute, CurrentViewer } from '../web/current-viewer.decorator';
import { failedForm, FailedForm, isUuid, noticeFor, PageForms, str } from '../web/page-form';
import { formSubmissionKey, withKey } from '../web/submission-key';
import { PageService } from '../web/page.service';
import { actorOf } from './plan-van-aanpak-api.controller';

const NOTICES = {
  profielen: 'De IFG-profielen zijn bewaard.',
  toegevoegd: 'De rij is toegevoegd.',
  gewijzigd: 'De rij is bijgewerkt.',
  verwijderd: 'De rij is verwijderd.',
};

const ROW_FIELDS = [
  'factorKey',
  'noden',
  'aanpakOpMaat',
  'actie',
  'begeleidingOrganisationId',
  'begeleidingText',
  'standVanZaken',
] as const;

/** The page picks a factor, not a domain: a domain's error says nothing the factor's does not. */
function pageErrors(error: unknown): unknown {
  if (!(error instanceof InputError) || !error.errors.some((e) => e.field === 'factorKey')) return error;
  return new InputError(error.errors.filter((e) => e.field !== 'domainKey'));
}

/** A field that may come repeated (checkboxes): every value, as strings. */
function list(body: Record<string, unknown> | undefined, field: string): string[] {
  const v = body?.[field];
  return (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter(
    (x): x is string => typeof x === 'string',
  );
}

/**
 * The editor of the plan van aanpak (annex E) for the dossier's casusregisseur and the
 * coordinators: the IFG profiles, and rows per domain of the kijkschema, each its own small form
 * (usable without JavaScript; a refused form comes back with its errors and what was typed). And
 * the page of an agenda item's version, for whoever may see the item's contents.
 */
@Controller()
export class PlanVanAanpakPageController {
  constructor(
    @Inject(ReadPlanVanAanpakUseCase) private readonly read: ReadPlanVanAanpakUseCase,
    @Inject(EditPlanVanAanpakUseCase) private readonly edit: EditPlanVanAanpakUseCase,
    @Inject(ReadPlanVersionUseCase) private readonly version: ReadPlanVersionUseCase,
    @Inject(AgendaService) private readonly agenda: AgendaService,
    @Inject(PageService) private readonly pages: PageService,
  ) {}

  @Get('dossiers/:code/plan-van-aanpak')
  @Roles('casusregisseur', 'coordinator')
  @Header('Content-Type', 'text/html; charset=utf-8')
  async show(
    @CurrentPrincipal() principal: Principal,
    @CurrentRoute() route: string,
    @Param('code') code: string,
    @Query('melding') melding?: string,
  ): Promise<string> {
    return this.render(principal, route, code, noticeFor(NOTICES, melding));
  }

  @Post('dossiers/:code/plan-van-aanpak/profielen')
  @Roles('casusregisseur', 'coordinator')
  async profiles(
    @CurrentPrincipal() principal: Principal,
    @CurrentRoute() route: string,
    @Param('code') code: string,
    @Body() body: Record<string, unknown>,
    @Res() res: Response,
  ): Promise<void> {
    const profiles = list(body, 'profiles');
    await this.submit(
      principal,
      route,
      code,
      res,
      'profielen',
      'profielen',
      { profiles: profiles.join(',') },
      () => ({
        kind: 'profiles',
        profiles: parseInput(PlanProfilesSchema, { profiles }).profiles,
      }),
      formSubmissionKey(body),
    );
  }

  @Post('dossiers/:code/plan-van-aanpak/rijen')
  @Roles('casusregisseur', 'coordinator')
  async addRow(
    @CurrentPrincipal() principal: Principal,
    @CurrentRoute() route: string,
    @Param('code') code: string,
    @Body() body: Record<string, unknown>,
    @Res() res: Response,
  ): Promise<void> {
    const { values, input } = this.rowInput(body);
    await this.submit(
      principal,
      route,
      code,
      res,
      'rij-nieuw',
      'toegevoegd',
      values,
      () => ({ kind: 'add-row', row: parseInput(PlanRowSchema, input) }),
      formSubmissionKey(body),
    );
  }

  @Post('dossiers/:code/plan-van-aanpak/rijen/:rowId')
  @Roles('casusregisseur', 'coordinator')
  async editRow(
    @CurrentPrincipal() principal: Principal,
    @CurrentRoute() route: string,
    @Param('code') code: string,
    @Param('rowId', new ParseUUIDPipe()) rowId: string,
    @Body() body: Record<string, unknown>,
    @Res() res: Response,
  ): Promise<void> {
    const { values, input } = this.rowInput(body);
    await this.submit(
      principal,
      route,
      code,
      res,
      `rij-${rowId}`,
      'gewijzigd',
      values,
      () => ({ kind: 'edit-row', rowId, row: parseInput(PlanRowSchema, input) }),
      formSubmissionKey(body),
    );
  }

  @Post('dossiers/:code/plan-van-aanpak/rijen/:rowId/verwijderen')
  @Roles('casusregisseur', 'coordinator')
  async removeRow(
    @CurrentPrincipal() principal: Principal,
    @CurrentRoute() route: string,
    @Param('code') code: string,
    @Param('rowId', new ParseUUIDPipe()) rowId: string,
    @Body() body: Record<string, unknown>,
    @Res() res: Response,
  ): Promise<void> {
    // A double click removes once and lands where the first did, not on "deze rij staat niet meer".
    await this.submit(
      principal,
      route,
      code,
      res,
      `rij-${rowId}`,
      'verwijderd',
      {},
      () => ({ kind: 'remove-row', rowId }),
      formSubmissionKey(body),
    );
  }

  @Get('agendapunten/:id/plan-van-aanpak')
  @Authenticated()
  @Header('Content-Type', 'text/html; charset=utf-8')
  async ofItem(
    @CurrentPrincipal() principal: Principal,
    @CurrentViewer() viewer: Viewer,
    @Param('id') id: string,
  ): Promise<string> {
    if (!isUuid(id))
      throw new AgendaRefusal('AGENDA_ITEM_NOT_FOUND', 'Agendapunt niet gevonden.', undefined, 'not_found');
    const view = await this.version.execute({ viewer, agendaItemId: id });
    return this.pages.render(
      'plan-van-aanpak-versie',
      { title: `Plan van aanpak ${view.dossierCode}`, principal },
      { view },
    );
  }

  /** The row form's fields: the factor names its domain (the page picks one factor of the kijkschema). */
  private rowInput(body: Record<string, unknown>) {
    const values: Record<string, string> = {};
    for (const f of ROW_FIELDS) values[f] = str(body, f);
    const bijWie = list(body, 'bijWie');
    values['bijWie'] = bijWie.join(',');
    const instrument = this.agenda.region.riskInstrument;
    const domainKey = (instrument && findRiskFactor(instrument, values['factorKey']!)?.domain.key) ?? '';
    // Without a known factor the page has no domain to send: the factor's error is the one to show.
    return { values, input: { ...values, bijWie, domainKey: domainKey || 'onbekend' } };
  }

  private async submit(
    principal: Principal,
    route: string,
    code: string,
    res: Response,
    form: string,
    notice: keyof typeof NOTICES,
    values: Record<string, string>,
    edit: () => PlanEdit,
    submissionKey?: string,
  ): Promise<void> {
    try {
      const result = await this.edit.execute({
        actor: actorOf(principal, route),
        dossierCode: code,
        edit: edit(),
        ...withKey(submissionKey),
      });
      const anchor = result.rowId ? `rij-${result.rowId}` : notice === 'profielen' ? 'profielen' : 'rijen';
      res.redirect(303, `/dossiers/${result.dossierCode}/plan-van-aanpak?melding=${notice}#${anchor}`);
    } catch (error) {
      const failed = failedForm(form, values, pageErrors(error));
      res
        .status(failed.status)
        .type('html')
        .send(await this.render(principal, route, code, undefined, failed));
    }
  }

  private async render(
    principal: Principal,
    route: string,
    code: string,
    notice?: string,
    failed?: FailedForm,
  ): Promise<string> {
    const view = await this.read.execute({ actor: actorOf(principal, route), dossierCode: code });
    const tables = this.agenda.region.tables;
    const forms = new PageForms(failed, {
      domainKey: 'factorKey',
      begeleiding: 'begeleidingOrganisationId',
      'bijWie.0': 'bijWie',
    });
    return this.pages.render(
      'plan-van-aanpak',
      { title: `Plan van aanpak ${view.dossierCode}`, principal, ...(notice && { notice }) },
      {
        view,
        failedForm: failed?.key,
        versions: view.versions.map((v) => {
          const table = tables.find((t) => t.key === v.tableKey);
          return {
            ...v,
            tableName: table?.name ?? v.tableKey,
            itemTypeLabel: table?.itemTypes.find((t) => t.key === v.itemType)?.label ?? v.itemType,
          };
        }),
        rowDefaults: (row: (typeof view.draft.domains)[number]['rows'][number]) => ({
          factorKey: row.factorKey,
          bijWie: row.bijWieIds.join(','),
          noden: row.noden,
          aanpakOpMaat: row.aanpakOpMaat,
          actie: row.actie,
          begeleidingOrganisationId: row.begeleidingOrganisationId ?? '',
          begeleidingText: row.begeleidingText ?? '',
          standVanZaken: row.standVanZaken,
        }),
        profileDefaults: { profiles: view.draft.profiles.map((p) => p.key).join(',') },
      },
      forms,
    );
  }
}

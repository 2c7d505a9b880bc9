import { APP_CONFIG, AppConfig } from '@overlegtafels/config';
import { Body, Controller, Get, Header, Inject, Param, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  AgendaRefusal,
  CompleteQualityCheckUseCase,
  FollowUpReportSchema,
  OpenObligationUseCase,
  parseInput,
  QualityCheckSchema,
  SubmitFollowUpReportUseCase,
  scopedRegion,
} from '@overlegtafels/application';
import { CurrentPrincipal, Principal, Roles } from '@overlegtafels/auth';
import {
  organisationKindLabel,
  OrganisationKinds,
  QUALITY_CHECK_ITEMS,
  QUALITY_CHECK_LABELS,
  vervolghulpKinds,
  VERVOLGHULP_STARTED,
  VERVOLGHULP_STARTED_LABELS,
} from '@overlegtafels/domain';
import { CurrentRoute } from '../web/current-viewer.decorator';
import { failedForm, FailedForm, isUuid, noticeFor, PageForms, pick } from '../web/page-form';
import { PageService } from '../web/page.service';
import { formSubmissionKey, withKey } from '../web/submission-key';

const NOTICES = {
  ingediend: 'Het formulier is ingediend; de taak is afgerond.',
} satisfies Record<string, string>;

const FORMS = {
  vervolghulp: ['started', 'otherHelp', 'remarks'],
  kwaliteitscontrole: ['remarks', ...QUALITY_CHECK_ITEMS.map((i) => `check-${i}`)],
} as const;

/** What a form's choices look like on the page (labels from the domain and the region's kinds). */
function choicesOf(region: { organisationKinds: OrganisationKinds; followUpHelpKinds?: readonly string[] }) {
  return {
    started: VERVOLGHULP_STARTED.map((value) => ({ value, label: VERVOLGHULP_STARTED_LABELS[value] })),
    helpKinds: vervolghulpKinds(region).map((value) => ({
      value,
      label: organisationKindLabel(region.organisationKinds, value),
    })),
    checks: QUALITY_CHECK_ITEMS.map((value) => ({ value, label: QUALITY_CHECK_LABELS[value] })),
    kindLabels: region.organisationKinds as Record<string, string>,
    checkLabels: QUALITY_CHECK_LABELS as Record<string, string>,
    startedLabels: VERVOLGHULP_STARTED_LABELS as Record<string, string>,
  };
}

/**
 * One obligation's own page: what is due and how its owner fulfils it. The six-month report and
 * the strategic coordinators' quality check are filled in here; the answers stay readable here
 * and on the dossier page. The same "not found" for an unknown id and one that is not yours.
 */
@ApiExcludeController()
@Controller('opvolging')
export class ObligationPageController {
  constructor(
    @Inject(OpenObligationUseCase) private readonly open: OpenObligationUseCase,
    @Inject(SubmitFollowUpReportUseCase) private readonly followUp: SubmitFollowUpReportUseCase,
    @Inject(CompleteQualityCheckUseCase) private readonly qualityCheck: CompleteQualityCheckUseCase,
    @Inject(PageService) private readonly pages: PageService,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'regions'>,
  ) {}

  /** The form's choices in the region of the request (its organisation kinds). */
  private choices(): ReturnType<typeof choicesOf> {
    return choicesOf(scopedRegion(this.config));
  }

  @Get(':id')
  @Roles('casusregisseur', 'coordinator', 'strategisch-coordinator', 'member', 'aanmelder')
  @Header('Content-Type', 'text/html; charset=utf-8')
  async show(
    @CurrentPrincipal() principal: Principal,
    @CurrentRoute() route: string,
    @Param('id') id: string,
    @Query('melding') melding?: string,
  ): Promise<string> {
    return this.render(principal, route, id, noticeFor(NOTICES, melding));
  }

  @Post(':id/vervolghulp')
  @Roles('casusregisseur', 'coordinator')
  async submitFollowUp(
    @CurrentPrincipal() principal: Principal,
    @CurrentRoute() route: string,
    @Param('id') id: string,
    @Body() body: Record<string, unknown>,
    @Res() res: Response,
  ): Promise<void> {
    const values = { ...pick(body, FORMS.vervolghulp), helpKinds: listOf(body?.helpKinds) };
    await this.submit(principal, route, id, 'vervolghulp', values, res, () =>
      this.followUp.execute(principal, {
        obligationId: id,
        report: parseInput(FollowUpReportSchema, body),
        route,
        ...withKey(formSubmissionKey(body)),
      }),
    );
  }

  @Post(':id/kwaliteitscontrole')
  @Roles('strategisch-coordinator')
  async submitQualityCheck(
    @CurrentPrincipal() principal: Principal,
    @CurrentRoute() route: string,
    @Param('id') id: string,
    @Body() body: Record<string, unknown>,
    @Res() res: Response,
  ): Promise<void> {
    const values = pick(body, FORMS.kwaliteitscontrole);
    await this.submit(principal, route, id, 'kwaliteitscontrole', values, res, () =>
      this.qualityCheck.execute(principal, {
        obligationId: id,
        check: parseInput(QualityCheckSchema, body),
        route,
        ...withKey(formSubmissionKey(body)),
      }),
    );
  }

  /** The form's work, then back to the page with a notice, or the page again with the errors and what was typed. */
  private async submit(
    principal: Principal,
    route: string,
    id: string,
    form: keyof typeof FORMS,
    values: Record<string, unknown>,
    res: Response,
    work: () => Promise<unknown>,
  ): Promise<void> {
    if (!isUuid(id)) throw notFound();
    try {
      await work();
      res.redirect(303, `/opvolging/${id}?melding=ingediend`);
    } catch (error) {
      const failed = failedForm(form, values, error);
      res
        .status(failed.status)
        .type('html')
        .send(await this.render(principal, route, id, undefined, failed));
    }
  }

  private async render(
    principal: Principal,
    route: string,
    id: string,
    notice?: string,
    failed?: FailedForm,
  ): Promise<string> {
    if (!isUuid(id)) throw notFound();
    const page = await this.open.execute(principal, { obligationId: id, route });
    const selectedKinds =
      failed?.key === 'vervolghulp' ? (failed.values.helpKinds as string[]) : ([] as string[]);
    return this.pages.render(
      'opvolging-detail',
      { title: page.obligation.label, principal, notice },
      { ...page, choices: this.choices(), selectedKinds },
      new PageForms(failed),
    );
  }
}

const notFound = () =>
  new AgendaRefusal(
    'OBLIGATION_NOT_FOUND',
    'Deze opvolgingstaak bestaat niet of u hebt er geen toegang toe.',
    undefined,
    'not_found',
  );

/** A form's repeated checkbox: one value, several, or none. */
function listOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return typeof value === 'string' && value !== '' ? [value] : [];
}

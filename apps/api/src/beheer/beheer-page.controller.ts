import { APP_CONFIG, AppConfig } from '@overlegtafels/config';
import {
  Body,
  Controller,
  Get,
  Header,
  Inject,
  NotFoundException,
  Param,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import type { Response } from 'express';
import {
  BeheerAddOrganisationUseCase,
  BeheerClosePeriodUseCase,
  BeheerEditOrganisationUseCase,
  BeheerReasonSchema,
  BeheerSetOrganisationActiveUseCase,
  ClosePeriodSchema,
  OrganisationSchema,
  parseInput,
  ReadBeheerUseCase,
  Viewer,
  scopedRegion,
} from '@overlegtafels/application';
import { CurrentPrincipal, Principal, Roles } from '@overlegtafels/auth';
import { CurrentViewer } from '../web/current-viewer.decorator';
import { failedForm, FailedForm, isUuid, noticeFor, PageForms, pick } from '../web/page-form';
import { PageService } from '../web/page.service';
import { formSubmissionKey, withKey } from '../web/submission-key';
import { beheerLabelsOf } from './beheer-labels';

const NOTICES: Record<string, string> = {
  toegevoegd: 'De organisatie is toegevoegd.',
  gewijzigd: 'De gegevens van de organisatie zijn gewijzigd.',
  gedeactiveerd: 'De organisatie is gedeactiveerd; ze wordt niet meer aangeboden.',
  geactiveerd: 'De organisatie is weer actief.',
  gesloten: 'De periode is gesloten; zittingen in die periode gaan niet door.',
};

const ORGANISATION_FIELDS = ['name', 'kind', 'contactEmail', 'reason'];

/**
 * The beheer's start page, the region's organisations, its tables with who sits at them, and its
 * closed periods, for the beheerder. No dossier, agenda item, document or obligation is shown.
 */
@Controller('beheer')
export class BeheerPageController {
  constructor(
    @Inject(ReadBeheerUseCase) private readonly read: ReadBeheerUseCase,
    @Inject(BeheerAddOrganisationUseCase) private readonly addOrganisation: BeheerAddOrganisationUseCase,
    @Inject(BeheerEditOrganisationUseCase) private readonly editOrganisation: BeheerEditOrganisationUseCase,
    @Inject(BeheerSetOrganisationActiveUseCase)
    private readonly setOrganisationActive: BeheerSetOrganisationActiveUseCase,
    @Inject(BeheerClosePeriodUseCase) private readonly closePeriod: BeheerClosePeriodUseCase,
    @Inject(PageService) private readonly pages: PageService,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'regions'>,
  ) {}

  /** The beheer's words for the region of the request (its organisation kinds). */
  private labels(): ReturnType<typeof beheerLabelsOf> {
    return beheerLabelsOf(scopedRegion(this.config).organisationKinds);
  }

  @Get()
  @Roles('admin')
  @Header('Content-Type', 'text/html; charset=utf-8')
  async start(@CurrentPrincipal() principal: Principal, @CurrentViewer() viewer: Viewer): Promise<string> {
    const [people, organisations, tables, periods] = await Promise.all([
      this.read.people(viewer),
      this.read.organisations(viewer),
      this.read.tables(viewer),
      this.read.closedPeriods(viewer),
    ]);
    return this.pages.render(
      'beheer',
      { title: 'Beheer', principal },
      {
        counts: {
          people: people.filter((p) => p.active).length,
          inactive: people.filter((p) => !p.active).length,
          organisations: organisations.filter((o) => o.active).length,
          tables: tables.length,
          periods: periods.length,
        },
      },
    );
  }

  @Get('organisaties')
  @Roles('admin')
  @Header('Content-Type', 'text/html; charset=utf-8')
  organisations(
    @CurrentPrincipal() principal: Principal,
    @CurrentViewer() viewer: Viewer,
    @Query('melding') melding?: string,
  ): Promise<string> {
    return this.renderOrganisations(principal, viewer, noticeFor(NOTICES, melding));
  }

  @Post('organisaties')
  @Roles('admin')
  async add(
    @CurrentPrincipal() principal: Principal,
    @CurrentViewer() viewer: Viewer,
    @Body() body: Record<string, unknown>,
    @Res() res: Response,
  ): Promise<void> {
    const values = pick(body, [...ORGANISATION_FIELDS, 'submissionKey']);
    try {
      const input = parseInput(OrganisationSchema, values);
      const { organisationId } = await this.addOrganisation.execute({
        actor: viewer,
        ...input,
        ...withKey(formSubmissionKey(body)),
      });
      res.redirect(303, `/beheer/organisaties/${organisationId}?melding=toegevoegd`);
    } catch (error) {
      const failed = failedForm('organisatie', values, error);
      res
        .status(failed.status)
        .type('html')
        .send(await this.renderOrganisations(principal, viewer, undefined, failed));
    }
  }

  @Get('organisaties/:id')
  @Roles('admin')
  @Header('Content-Type', 'text/html; charset=utf-8')
  organisation(
    @CurrentPrincipal() principal: Principal,
    @CurrentViewer() viewer: Viewer,
    @Param('id') id: string,
    @Query('melding') melding?: string,
  ): Promise<string> {
    if (!isUuid(id)) throw new NotFoundException('Organisatie niet gevonden.');
    return this.renderOrganisation(principal, viewer, id, noticeFor(NOTICES, melding));
  }

  @Post('organisaties/:id')
  @Roles('admin')
  edit(
    @CurrentPrincipal() principal: Principal,
    @CurrentViewer() viewer: Viewer,
    @Param('id') id: string,
    @Body() body: Record<string, unknown>,
    @Res() res: Response,
  ): Promise<void> {
    return this.changeOrganisation(
      principal,
      viewer,
      id,
      'gegevens',
      ORGANISATION_FIELDS,
      body,
      res,
      async (v) => {
        await this.editOrganisation.execute({
          actor: viewer,
          organisationId: id,
          ...parseInput(OrganisationSchema, v),
          ...withKey(formSubmissionKey(body)),
        });
        return 'gewijzigd';
      },
    );
  }

  @Post('organisaties/:id/deactiveren')
  @Roles('admin')
  deactivate(
    @CurrentPrincipal() principal: Principal,
    @CurrentViewer() viewer: Viewer,
    @Param('id') id: string,
    @Body() body: Record<string, unknown>,
    @Res() res: Response,
  ): Promise<void> {
    return this.changeOrganisation(principal, viewer, id, 'actief', ['reason'], body, res, async (v) => {
      const { reason } = parseInput(BeheerReasonSchema, v);
      await this.setOrganisationActive.execute({
        actor: viewer,
        organisationId: id,
        active: false,
        reason,
        ...withKey(formSubmissionKey(body)),
      });
      return 'gedeactiveerd';
    });
  }

  @Post('organisaties/:id/activeren')
  @Roles('admin')
  activate(
    @CurrentPrincipal() principal: Principal,
    @CurrentViewer() viewer: Viewer,
    @Param('id') id: string,
    @Body() body: Record<string, unknown>,
    @Res() res: Response,
  ): Promise<void> {
    return this.changeOrganisation(principal, viewer, id, 'actief', ['reason'], body, res, async (v) => {
      const { reason } = parseInput(BeheerReasonSchema, v);
      await this.setOrganisationActive.execute({
        actor: viewer,
        organisationId: id,
        active: true,
        reason,
        ...withKey(formSubmissionKey(body)),
      });
      return 'geactiveerd';
    });
  }

  @Get('tafels')
  @Roles('admin')
  @Header('Content-Type', 'text/html; charset=utf-8')
  async tables(@CurrentPrincipal() principal: Principal, @CurrentViewer() viewer: Viewer): Promise<string> {
    return this.pages.render(
      'beheer-tafels',
      { title: 'Tafels en deelnemers', principal },
      {
        tables: await this.read.tables(viewer),
      },
    );
  }

  @Get('tafels/:key')
  @Roles('admin')
  @Header('Content-Type', 'text/html; charset=utf-8')
  async table(
    @CurrentPrincipal() principal: Principal,
    @CurrentViewer() viewer: Viewer,
    @Param('key') key: string,
  ): Promise<string> {
    const table = await this.read.table(viewer, key);
    return this.pages.render(
      'beheer-tafel',
      { title: table.name, principal },
      { table, labels: this.labels() },
    );
  }

  @Get('gesloten-periodes')
  @Roles('admin')
  @Header('Content-Type', 'text/html; charset=utf-8')
  periods(
    @CurrentPrincipal() principal: Principal,
    @CurrentViewer() viewer: Viewer,
    @Query('melding') melding?: string,
  ): Promise<string> {
    return this.renderPeriods(principal, viewer, noticeFor(NOTICES, melding));
  }

  @Post('gesloten-periodes')
  @Roles('admin')
  async close(
    @CurrentPrincipal() principal: Principal,
    @CurrentViewer() viewer: Viewer,
    @Body() body: Record<string, unknown>,
    @Res() res: Response,
  ): Promise<void> {
    const values = pick(body, ['from', 'to', 'tableKey', 'reason']);
    try {
      const input = parseInput(ClosePeriodSchema, values);
      await this.closePeriod.execute({ actor: viewer, ...input, ...withKey(formSubmissionKey(body)) });
      res.redirect(303, '/beheer/gesloten-periodes?melding=gesloten');
    } catch (error) {
      const failed = failedForm('sluiten', values, error);
      res
        .status(failed.status)
        .type('html')
        .send(await this.renderPeriods(principal, viewer, undefined, failed));
    }
  }

  private async changeOrganisation(
    principal: Principal,
    viewer: Viewer,
    id: string,
    form: string,
    fields: readonly string[],
    body: Record<string, unknown>,
    res: Response,
    work: (values: Record<string, string>) => Promise<string>,
  ): Promise<void> {
    if (!isUuid(id)) throw new NotFoundException('Organisatie niet gevonden.');
    const values = pick(body, fields);
    try {
      const notice = await work(values);
      res.redirect(303, `/beheer/organisaties/${id}?melding=${notice}`);
    } catch (error) {
      const failed = failedForm(form, values, error);
      res
        .status(failed.status)
        .type('html')
        .send(await this.renderOrganisation(principal, viewer, id, undefined, failed));
    }
  }

  private async renderOrganisations(
    principal: Principal,
    viewer: Viewer,
    notice?: string,
    failed?: FailedForm,
  ): Promise<string> {
    return this.pages.render(
      'beheer-organisaties',
      { title: 'Organisaties', principal, notice },
      { organisations: await this.read.organisations(viewer), labels: this.labels() },
      new PageForms(failed),
    );
  }

  private async renderOrganisation(
    principal: Principal,
    viewer: Viewer,
    id: string,
    notice?: string,
    failed?: FailedForm,
  ): Promise<string> {
    const organisation = await this.read.organisation(viewer, id);
    const people = (await this.read.people(viewer)).filter((p) => p.organisationId === organisation.id);
    return this.pages.render(
      'beheer-organisatie',
      { title: organisation.name, principal, notice },
      { organisation, people, labels: this.labels() },
      new PageForms(failed),
    );
  }

  private async renderPeriods(
    principal: Principal,
    viewer: Viewer,
    notice?: string,
    failed?: FailedForm,
  ): Promise<string> {
    const tables = this.read.tableList();
    return this.pages.render(
      'beheer-gesloten-periodes',
      { title: 'Gesloten periodes', principal, notice },
      {
        periods: await this.read.closedPeriods(viewer),
        tables,
        tableName: (key: string | null) =>
          key ? (tables.find((t) => t.key === key)?.name ?? key) : 'alle tafels',
      },
      new PageForms(failed),
    );
  }
}

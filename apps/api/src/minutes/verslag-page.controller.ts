import { Body, Controller, Get, Header, Inject, Param, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  AddActionPointSchema,
  AddActionPointUseCase,
  AgendaRefusal,
  CloseMinutesUseCase,
  ListMinutesArchiveUseCase,
  MinutesArchiveSearchSchema,
  parseInput,
  ReadMinutesUseCase,
  RecordAttendanceSchema,
  RecordAttendanceUseCase,
  ReopenMinutesSchema,
  ReopenMinutesUseCase,
  WriteItemMinutesSchema,
  WriteItemMinutesUseCase,
} from '@overlegtafels/application';
import { Authenticated, CurrentPrincipal, Principal, Roles } from '@overlegtafels/auth';
import { ATTENDANCE_LABELS, ATTENDANCE_STATUSES } from '@overlegtafels/domain';
import { CurrentRoute } from '../web/current-viewer.decorator';
import { failedForm, FailedForm, isUuid, noticeFor, PageForms, pick } from '../web/page-form';
import { formSubmissionKey, withKey } from '../web/submission-key';
import { PageService } from '../web/page.service';
import { pagerLinks } from '../web/page-links';

const NOTICES = {
  aanwezigheid: 'De aanwezigheid is bewaard.',
  verslag: 'Het verslag van het agendapunt is bewaard.',
  actiepunt: 'Het actiepunt is toegevoegd; de eigenaar vindt het op Mijn opvolging.',
  afgesloten: 'Het verslag is afgesloten; de deelnemers krijgen een bericht.',
  heropend: 'Het verslag is heropend voor een correctie.',
} satisfies Record<string, string>;

const STATUSES = ATTENDANCE_STATUSES.map((value) => ({ value, label: ATTENDANCE_LABELS[value] }));
const ACTION_FIELDS = ['what', 'dueDate', 'ownerPersonId', 'ownerOrganisationId'] as const;

const notFound = () =>
  new AgendaRefusal('SESSION_NOT_FOUND', 'Zitting niet gevonden.', undefined, 'not_found');

/**
 * The verslag of a session as pages: the verslaggever writes attendance, per agendapunt the text
 * and the action points; the voorzitter or a coordinator closes and reopens it; every reader sees
 * what the use case leaves them. The table's archive of held sessions. Plain forms, no script.
 */
@ApiExcludeController()
@Controller()
export class VerslagPageController {
  constructor(
    @Inject(ReadMinutesUseCase) private readonly read: ReadMinutesUseCase,
    @Inject(RecordAttendanceUseCase) private readonly attendance: RecordAttendanceUseCase,
    @Inject(WriteItemMinutesUseCase) private readonly write: WriteItemMinutesUseCase,
    @Inject(AddActionPointUseCase) private readonly actionPoint: AddActionPointUseCase,
    @Inject(CloseMinutesUseCase) private readonly close: CloseMinutesUseCase,
    @Inject(ReopenMinutesUseCase) private readonly reopen: ReopenMinutesUseCase,
    @Inject(ListMinutesArchiveUseCase) private readonly archive: ListMinutesArchiveUseCase,
    @Inject(PageService) private readonly pages: PageService,
  ) {}

  @Get('verslag/:sessionId')
  @Authenticated()
  @Header('Content-Type', 'text/html; charset=utf-8')
  async show(
    @CurrentPrincipal() principal: Principal,
    @CurrentRoute() route: string,
    @Param('sessionId') sessionId: string,
    @Query('melding') melding?: string,
  ): Promise<string> {
    return this.render(principal, route, sessionId, noticeFor(NOTICES, melding));
  }

  @Get('verslag/actiepunt/:obligationId')
  @Authenticated()
  async locateActionPoint(@Param('obligationId') obligationId: string, @Res() res: Response): Promise<void> {
    if (!isUuid(obligationId)) throw notFound();
    res.redirect(303, await this.read.locateActionPoint(obligationId));
  }

  /** A reload or a double click of the attendance form records and audits it once (issue #15). */
  @Post('verslag/:sessionId/aanwezigheid')
  @Roles('coordinator', 'member')
  async recordAttendance(
    @CurrentPrincipal() principal: Principal,
    @CurrentRoute() route: string,
    @Param('sessionId') sessionId: string,
    @Body() body: Record<string, unknown>,
    @Res() res: Response,
  ): Promise<void> {
    const attendance: Record<string, unknown> = {};
    const guests: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(body ?? {})) {
      if (key.startsWith('aanwezigheid-')) attendance[key.slice('aanwezigheid-'.length)] = value;
      if (key.startsWith('gast-')) guests[key.slice('gast-'.length)] = value;
    }
    // Every item shown with guests sends its (possibly empty) list, so unticking all is recorded too.
    for (const itemId of listOf(body?.punten)) guests[itemId] ??= [];
    await this.submit(principal, route, sessionId, 'aanwezigheid', {}, res, () =>
      this.attendance.execute(principal, {
        sessionId,
        ...parseInput(RecordAttendanceSchema, { attendance, guests }),
        route,
        ...withKey(formSubmissionKey(body)),
      }),
    );
  }

  /** A reload or a double click of an item's verslag form writes and audits it once (issue #15). */
  @Post('verslag/:sessionId/punten/:itemId')
  @Roles('coordinator', 'member')
  async writeItem(
    @CurrentPrincipal() principal: Principal,
    @CurrentRoute() route: string,
    @Param('sessionId') sessionId: string,
    @Param('itemId') itemId: string,
    @Body() body: Record<string, unknown>,
    @Res() res: Response,
  ): Promise<void> {
    if (!isUuid(itemId)) throw notFound();
    await this.submit(
      principal,
      route,
      sessionId,
      'verslag',
      pick(body, ['text']),
      res,
      () =>
        this.write.execute(principal, {
          sessionId,
          itemId,
          ...parseInput(WriteItemMinutesSchema, body),
          route,
          ...withKey(formSubmissionKey(body)),
        }),
      `verslag-${itemId}`,
    );
  }

  @Post('verslag/:sessionId/punten/:itemId/actiepunten')
  @Roles('coordinator', 'member')
  async addActionPoint(
    @CurrentPrincipal() principal: Principal,
    @CurrentRoute() route: string,
    @Param('sessionId') sessionId: string,
    @Param('itemId') itemId: string,
    @Body() body: Record<string, unknown>,
    @Res() res: Response,
  ): Promise<void> {
    if (!isUuid(itemId)) throw notFound();
    await this.submit(
      principal,
      route,
      sessionId,
      'actiepunt',
      pick(body, ACTION_FIELDS),
      res,
      () =>
        this.actionPoint.execute(principal, {
          sessionId,
          itemId,
          ...parseInput(AddActionPointSchema, body),
          route,
          ...withKey(formSubmissionKey(body)),
        }),
      `actiepunt-${itemId}`,
    );
  }

  @Post('verslag/:sessionId/afsluiten')
  @Roles('coordinator', 'member')
  async closeMinutes(
    @CurrentPrincipal() principal: Principal,
    @CurrentRoute() route: string,
    @Param('sessionId') sessionId: string,
    @Body() body: Record<string, unknown> | undefined,
    @Res() res: Response,
  ): Promise<void> {
    await this.submit(
      principal,
      route,
      sessionId,
      'afgesloten',
      {},
      res,
      () => this.close.execute(principal, { sessionId, route, ...withKey(formSubmissionKey(body)) }),
      'afsluiten',
    );
  }

  @Post('verslag/:sessionId/heropenen')
  @Roles('coordinator', 'member')
  async reopenMinutes(
    @CurrentPrincipal() principal: Principal,
    @CurrentRoute() route: string,
    @Param('sessionId') sessionId: string,
    @Body() body: Record<string, unknown>,
    @Res() res: Response,
  ): Promise<void> {
    await this.submit(
      principal,
      route,
      sessionId,
      'heropend',
      pick(body, ['reason']),
      res,
      () =>
        this.reopen.execute(principal, {
          sessionId,
          ...parseInput(ReopenMinutesSchema, body),
          route,
          ...withKey(formSubmissionKey(body)),
        }),
      'heropenen',
    );
  }

  @Get('tafels/:tableKey/archief')
  @Roles('coordinator', 'member')
  @Header('Content-Type', 'text/html; charset=utf-8')
  async showArchive(
    @CurrentPrincipal() principal: Principal,
    @CurrentRoute() route: string,
    @Param('tableKey') tableKey: string,
    @Query() query: Record<string, unknown>,
    @Res() res: Response,
  ): Promise<void> {
    const values = pick(query, ['van', 'tot', 'dossier']);
    let failed: FailedForm | undefined;
    let search = {};
    try {
      const s = parseInput(MinutesArchiveSearchSchema, query);
      search = {
        from: s.van,
        to: s.tot,
        dossierCode: s.dossier,
        after: s.after,
        before: s.before,
        limit: s.limit,
      };
    } catch (error) {
      failed = failedForm('archief', values, error);
    }
    const archive = await this.archive.execute(principal, { tableKey, ...search, route });
    res
      .status(failed?.status ?? 200)
      .type('html')
      .send(
        this.pages.render(
          'verslag-archief',
          { title: `Archief ${archive.tableName}`, principal },
          {
            archive,
            values,
            pager: pagerLinks(
              `/tafels/${archive.tableKey}/archief`,
              failed ? {} : pick(query, ['van', 'tot', 'dossier', 'limit']),
              archive,
            ),
          },
          new PageForms(failed ?? { key: 'archief', values, errors: [], status: 200 }),
        ),
      );
  }

  /** The form's work, then back to the verslag with a notice; or the verslag again with the errors and what was typed. */
  private async submit(
    principal: Principal,
    route: string,
    sessionId: string,
    notice: keyof typeof NOTICES,
    values: Record<string, unknown>,
    res: Response,
    work: () => Promise<unknown>,
    formKey: string = notice,
  ): Promise<void> {
    if (!isUuid(sessionId)) throw notFound();
    try {
      await work();
      res.redirect(303, `/verslag/${sessionId}?melding=${notice}#${formKey}`);
    } catch (error) {
      const failed = failedForm(formKey, values, error);
      res
        .status(failed.status)
        .type('html')
        .send(await this.render(principal, route, sessionId, undefined, failed));
    }
  }

  private async render(
    principal: Principal,
    route: string,
    sessionId: string,
    notice?: string,
    failed?: FailedForm,
  ): Promise<string> {
    if (!isUuid(sessionId)) throw notFound();
    const minutes = await this.read.minutesView(sessionId, principal, route);
    return this.pages.render(
      'verslag',
      { title: `Verslag ${minutes.tableName}, ${minutes.dateText}`, principal, notice },
      { minutes, statuses: STATUSES, failedKey: failed?.key ?? null, failedMessage: failed?.message ?? null },
      new PageForms(failed),
    );
  }
}

/** A form's repeated field: one value, several, or none. */
function listOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return typeof value === 'string' && value !== '' ? [value] : [];
}

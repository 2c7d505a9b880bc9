import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, Header, Inject, NotFoundException, Param, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import {
  AanmeldingConfirmationQuery,
  AanmeldingFormQuery,
  AanmeldingFormShape,
  CLIENT_ROLES,
  MAX_CLIENTS,
  parseInput,
  SubmissionKeySchema,
  SubmitAanmeldingUseCase,
  Viewer,
} from '@overlegtafels/application';
import { CurrentPrincipal, Principal, Roles } from '@overlegtafels/auth';
import { CurrentViewer } from '../web/current-viewer.decorator';
import { failedForm, FailedForm, isUuid, PageForms, pick, str } from '../web/page-form';
import { PageService } from '../web/page.service';

const TEXT_FIELDS = [
  'organisationId',
  'contactEmail',
  'contactPhone',
  'whyNow',
  'violenceDescription',
  'situationAtStart',
  'situationNow',
  'mainRisks',
  'clientRelations',
  'servicesInvolved',
  'safetyPlanExists',
  'safetyPlanDescription',
  'questionsAndExpectations',
  'confidentialityConfirmed',
  'familyInformed',
  'familyNotInformedReason',
  'submissionKey',
] as const;

const CLIENT_FIELDS = ['label', 'role', 'age', 'over12', 'relation', 'wishesAndNeeds'] as const;
const EMPTY_CLIENT_ROWS = 4;

type ClientRow = Record<(typeof CLIENT_FIELDS)[number], string>;

/**
 * The aanmelding as a mail to the ICO: every question of the guide (II.C), the clients as repeated
 * fieldsets (more rows with a submit button, no JavaScript), the confidentiality confirmation.
 */
@Controller('aanmelding')
export class AanmeldingPageController {
  constructor(
    @Inject(SubmitAanmeldingUseCase) private readonly aanmelding: SubmitAanmeldingUseCase,
    @Inject(AanmeldingFormQuery) private readonly formQuery: AanmeldingFormQuery,
    @Inject(AanmeldingConfirmationQuery) private readonly confirmations: AanmeldingConfirmationQuery,
    @Inject(PageService) private readonly pages: PageService,
  ) {}

  @Get()
  @Roles('aanmelder')
  @Header('Content-Type', 'text/html; charset=utf-8')
  async form(@CurrentPrincipal() principal: Principal): Promise<string> {
    const values = {
      organisationId: principal.organisationId ?? '',
      contactEmail: principal.email,
      // One key per form: sent twice (a double click, a reload), it is one aanmelding.
      submissionKey: randomUUID(),
    };
    return this.render(principal, values, emptyRows(EMPTY_CLIENT_ROWS));
  }

  @Post()
  @Roles('aanmelder')
  async submit(
    @CurrentPrincipal() principal: Principal,
    @CurrentViewer() actor: Viewer,
    @Body() body: Record<string, unknown>,
    @Res() res: Response,
  ): Promise<void> {
    const shape = this.aanmelding.form();
    const regionAnswers = regionAnswersFrom(body, shape);
    const values = { ...pick(body, TEXT_FIELDS), ...regionAnswerValues(regionAnswers, shape) };
    const typed = clientRows(body).filter(isFilled);
    if (str(body, 'actie') === 'meer') {
      const rows = [...typed, ...emptyRows(Math.max(EMPTY_CLIENT_ROWS - typed.length, 0) + 2)];
      res
        .status(200)
        .type('html')
        .send(await this.render(principal, values, rows.slice(0, MAX_CLIENTS)));
      return;
    }
    try {
      // A form without a usable key (an old page) gets one now; the page keeps it if it comes back.
      if (!SubmissionKeySchema.safeParse(values.submissionKey).success) values.submissionKey = randomUUID();
      const { submissionKey, ...answers } = pick(values, TEXT_FIELDS);
      const result = await this.aanmelding.execute({
        actor,
        submissionKey: submissionKey!,
        aanmelding: parseInput(this.aanmelding.schema(), {
          ...answers,
          regionAnswers,
          contactPhone: values.contactPhone || undefined,
          safetyPlanExists: values.safetyPlanExists || undefined,
          familyInformed: values.familyInformed || undefined,
          clients: typed.map((c) => ({
            label: c.label,
            role: c.role || undefined,
            age: c.age,
            over12: c.over12,
            relation: c.relation,
            wishesAndNeeds: c.wishesAndNeeds,
          })),
        }),
      });
      // Post/redirect/get: the confirmation is a page of its own, so a reload files nothing.
      res.redirect(303, `/aanmelding/verstuurd/${result.agendaItemId}`);
    } catch (error) {
      const failed = failedForm('aanmelding', values, error);
      const rows = [...typed, ...emptyRows(Math.max(EMPTY_CLIENT_ROWS - typed.length, 1))];
      res
        .status(failed.status)
        .type('html')
        .send(
          await this.render(principal, values, rows.slice(0, Math.max(MAX_CLIENTS, typed.length)), failed),
        );
    }
  }

  /** The confirmation of an aanmelding this person filed (after the form's redirect). */
  @Get('verstuurd/:itemId')
  @Roles('aanmelder')
  @Header('Content-Type', 'text/html; charset=utf-8')
  async confirmation(
    @CurrentPrincipal() principal: Principal,
    @CurrentViewer() viewer: Viewer,
    @Param('itemId') itemId: string,
  ): Promise<string> {
    if (!isUuid(itemId)) throw new NotFoundException();
    const result = await this.confirmations.confirmation(viewer, itemId);
    return this.pages.render(
      'aanmelding-bevestigd',
      { title: 'Aanmelding verstuurd', principal },
      { result },
    );
  }

  private async render(
    principal: Principal,
    values: Record<string, string>,
    rows: ClientRow[],
    failed?: FailedForm,
  ): Promise<string> {
    const flat: Record<string, string> = { ...values };
    rows.forEach((row, i) => {
      for (const f of CLIENT_FIELDS) flat[`clients.${i}.${f}`] = row[f];
    });
    const forms = new PageForms(
      {
        key: 'aanmelding',
        values: flat,
        errors: failed?.errors ?? [],
        message: failed?.message,
        status: failed?.status ?? 200,
      },
      { clients: 'clients.0.label' },
    );
    const shape = this.aanmelding.form();
    return this.pages.render(
      'aanmelding',
      { title: 'Nieuwe aanmelding', principal },
      {
        ...shape,
        organisations: await this.formQuery.organisationsOf(principal.regionId),
        rows: rows.length,
        canAddRows: rows.length < MAX_CLIENTS,
        roles: CLIENT_ROLES,
      },
      forms,
    );
  }
}

function emptyRows(n: number): ClientRow[] {
  return Array.from({ length: n }, () => ({
    label: '',
    role: '',
    age: '',
    over12: '',
    relation: '',
    wishesAndNeeds: '',
  }));
}

/** The client rows as typed: `client-<i>-<field>`, at most MAX_CLIENTS rows + a margin. */
function clientRows(body: Record<string, unknown>): ClientRow[] {
  const rows: ClientRow[] = [];
  for (let i = 0; i < MAX_CLIENTS + 4; i++) {
    const row = Object.fromEntries(
      CLIENT_FIELDS.map((f) => [f, str(body, `client-${i}-${f}`).trim()]),
    ) as ClientRow;
    rows.push(row);
  }
  return rows;
}

function isFilled(row: ClientRow): boolean {
  return CLIENT_FIELDS.some((f) => row[f] !== '');
}

/** The answers to the region's questions as posted: `vraag-<key>`, one value or several. */
function regionAnswersFrom(
  body: Record<string, unknown>,
  shape: AanmeldingFormShape,
): Record<string, unknown> {
  const answers: Record<string, unknown> = {};
  for (const q of shape.questions) {
    const posted = body[`vraag-${q.key}`];
    const values = (Array.isArray(posted) ? posted : posted === undefined ? [] : [posted]).filter(
      (v): v is string => typeof v === 'string' && v.trim() !== '',
    );
    if (values.length === 0) continue;
    answers[q.key] = q.kind === 'keuze' && q.multiple ? values : values.join('\n');
  }
  return answers;
}

/** The same as the form's values, so a form that comes back keeps what was typed and ticked. */
function regionAnswerValues(
  answers: Record<string, unknown>,
  shape: AanmeldingFormShape,
): Record<string, string> {
  const values: Record<string, string> = {};
  for (const q of shape.questions) {
    const a = answers[q.key];
    if (a === undefined) continue;
    if (q.kind === 'tekst') values[`regionAnswers.${q.key}`] = String(a);
    else for (const k of Array.isArray(a) ? a : [a]) values[`regionAnswers.${q.key}.${String(k)}`] = 'on';
  }
  return values;
}

import { randomUUID } from 'node:crypto';
import {
  Controller,
  Get,
  Header,
  Inject,
  NotFoundException,
  Param,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import type { Response } from 'express';
import {
  AgendaRefusal,
  AgendaService,
  AgenderingConfirmationQuery,
  AgenderingInput,
  AgenderingPreviewQuery,
  AgenderingSchema,
  agenderingTables,
  isAanmeldingItem,
  isIntakeReturnItem,
  detectDocumentKind,
  DossierTimelineQuery,
  FieldError,
  InputError,
  DOSSIER_PAGE_MAX,
  ListDossiersUseCase,
  ListedDossier,
  parseInput,
  PlacementPreview,
  SubmissionKeySchema,
  SubmitAgenderingUseCase,
  Viewer,
} from '@overlegtafels/application';
import { CurrentPrincipal, hasRole, Principal, Roles } from '@overlegtafels/auth';
import { isCoordinator, viewerOf } from './viewer';
import { CurrentRoute, CurrentViewer } from '../web/current-viewer.decorator';
import { uploadFieldError, UploadRequest } from '../web/upload.middleware';
import { failedForm, FailedForm, isUuid, PageForms, str } from '../web/page-form';
import { PageService } from '../web/page.service';
import { CHILDREN_HEARD_ANSWERS, CHILDREN_HEARD_LABELS, isDossierCode } from '@overlegtafels/domain';

const KEY = /^[a-z][a-z0-9-]{0,59}$/;
/** The leidraad's text fields (annexes F and G), named `brief.<field>` in the form. */
const BRIEF_TEXT_FIELDS = [
  'whyNow',
  'safetyAgreements',
  'childrenOver12Heard',
  'childrenNotHeardPlan',
  'methodOrExpertise',
  'goalsReached',
  'violenceStopped',
  'recurrencePrevented',
  'riskFactorsReduced',
] as const;
const GUEST_ROWS = 3;
const GUEST_FIELDS = ['kind', 'email', 'name'] as const;
type GuestRow = Record<(typeof GUEST_FIELDS)[number], string>;

interface Choice {
  /** `<table>:<item type>`, the value of the "Aan" select. */
  readonly value: string;
  readonly tableKey: string;
  readonly tableName: string;
  readonly itemType: string;
  readonly itemTypeLabel: string;
  readonly preview?: PlacementPreview;
}

/**
 * Agenderen as a mail to a table: "Aan" the table and the kind of item, "Onderwerp" the dossier,
 * the questions, the document as attachment and guests for this item. Before sending, the page
 * shows for every choice the session it lands on and its deadline, and says which later session it
 * will be when the deadline has passed or the session is full.
 */
@Controller('agendering')
export class AgenderingPageController {
  constructor(
    @Inject(SubmitAgenderingUseCase) private readonly agendering: SubmitAgenderingUseCase,
    @Inject(AgenderingPreviewQuery) private readonly previews: AgenderingPreviewQuery,
    @Inject(AgenderingConfirmationQuery) private readonly confirmations: AgenderingConfirmationQuery,
    @Inject(AgendaService) private readonly agenda: AgendaService,
    @Inject(DossierTimelineQuery) private readonly timeline: DossierTimelineQuery,
    @Inject(ListDossiersUseCase) private readonly listDossiers: ListDossiersUseCase,
    @Inject(PageService) private readonly pages: PageService,
  ) {}

  @Get()
  @Roles('casusregisseur', 'aanmelder', 'coordinator')
  @Header('Content-Type', 'text/html; charset=utf-8')
  async form(
    @CurrentPrincipal() principal: Principal,
    @CurrentRoute() route: string,
    @Query('dossier') dossier?: string,
    @Query('tafel') tafel?: string,
    @Query('type') type?: string,
  ): Promise<string> {
    const values: Record<string, string> = {
      dossierCode: typeof dossier === 'string' && isDossierCode(dossier) ? dossier : '',
      soort:
        typeof tafel === 'string' && typeof type === 'string' && KEY.test(tafel) && KEY.test(type)
          ? `${tafel}:${type}`
          : '',
      questions: '',
      // One key per form: sent twice (a double click, a reload), it is one agendering.
      submissionKey: randomUUID(),
    };
    return this.render(principal, values, emptyGuests(GUEST_ROWS), route);
  }

  /** The address the reminder mails link to; the same form. */
  @Get('nieuw')
  @Roles('casusregisseur', 'aanmelder', 'coordinator')
  nieuw(
    @Res() res: Response,
    @Query('dossier') dossier?: string,
    @Query('tafel') tafel?: string,
    @Query('type') type?: string,
  ): void {
    const query = new URLSearchParams();
    if (typeof dossier === 'string' && isDossierCode(dossier)) query.set('dossier', dossier);
    if (typeof tafel === 'string' && KEY.test(tafel)) query.set('tafel', tafel);
    if (typeof type === 'string' && KEY.test(type)) query.set('type', type);
    const qs = query.toString();
    res.redirect(303, `/agendering${qs ? `?${qs}` : ''}`);
  }

  @Post()
  @Roles('casusregisseur', 'aanmelder', 'coordinator')
  async submit(
    @CurrentPrincipal() principal: Principal,
    @CurrentRoute() route: string,
    @Req() req: UploadRequest,
    @Res() res: Response,
  ): Promise<void> {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const values: Record<string, string> = {
      dossierCode: str(body, 'dossierCode'),
      soort: str(body, 'soort'),
      questions: str(body, 'questions'),
      // A form without a usable key (an old page) gets one now, so the answer can still redirect.
      submissionKey: SubmissionKeySchema.safeParse(str(body, 'submissionKey')).success
        ? str(body, 'submissionKey')
        : randomUUID(),
    };
    const guests = guestRows(body).filter((g) => g.email.trim() !== '' || g.name.trim() !== '');
    const [tableKey, itemType] = splitChoice(values.soort!);
    const brief: Record<string, unknown> = {};
    for (const field of BRIEF_TEXT_FIELDS) {
      brief[field] = str(body, `brief.${field}`);
      values[`brief.${field}`] = brief[field] as string;
    }
    const domains = [body['brief.domains']].flat().filter((d): d is string => typeof d === 'string');
    brief['domains'] = domains;
    values['brief.domains'] = domains.join(',');
    const input = {
      dossierCode: values.dossierCode,
      tableKey,
      itemType,
      questions: values.questions,
      guests: guests.map((g) => ({ kind: g.kind || undefined, email: g.email, name: g.name })),
      brief,
    };
    const rows = [...guests, ...emptyGuests(GUEST_ROWS - guests.length)].slice(
      0,
      Math.max(GUEST_ROWS, guests.length),
    );
    const fail = async (failed: FailedForm) => {
      res
        .status(failed.status)
        .type('html')
        .send(await this.render(principal, values, rows, route, failed));
    };
    try {
      // Every field's problem at once, the refused file included.
      const errors: FieldError[] = [];
      if (req.uploadError) errors.push(uploadFieldError(req.uploadError));
      else if (req.upload && !detectDocumentKind(req.upload.bytes)) {
        // Told now, with the other fields' problems; the use case checks the bytes again when storing.
        errors.push({
          field: 'document',
          code: 'UNSUPPORTED_TYPE',
          message: 'Enkel PDF-, DOCX- of ODT-bestanden zijn toegelaten.',
        });
      }
      let agendering: AgenderingInput | undefined;
      try {
        agendering = parseInput(AgenderingSchema, input);
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        errors.push(...e.errors);
      }
      if (errors.length > 0 || !agendering) throw new InputError(errors);
      const result = await this.agendering.execute({
        actor: { ...viewerOf(principal, route), isCoordinator: isCoordinator(principal) },
        agendering,
        ...(req.upload && { document: req.upload }),
        submissionKey: values.submissionKey!,
      });
      // Post/redirect/get: the confirmation is a page of its own, so a reload makes nothing.
      res.redirect(303, `/agendering/verstuurd/${result.agendaItemId}`);
    } catch (error) {
      const failed = failedForm('agendering', values, refusedOnTheForm(error));
      // A file over the limit is a 413, with the form back and the message next to the field.
      const tooLarge = failed.errors.some((e) => e.field === 'document' && e.code === 'TOO_LARGE');
      await fail(tooLarge ? { ...failed, status: 413 } : failed);
    }
  }

  /** The confirmation of an agendering this person sent (after the form's redirect). */
  @Get('verstuurd/:itemId')
  @Roles('casusregisseur', 'aanmelder', 'coordinator')
  @Header('Content-Type', 'text/html; charset=utf-8')
  async confirmation(
    @CurrentPrincipal() principal: Principal,
    @CurrentViewer() viewer: Viewer,
    @Param('itemId') itemId: string,
  ): Promise<string> {
    if (!isUuid(itemId)) throw new NotFoundException();
    const result = await this.confirmations.confirmation(viewer, itemId);
    return this.pages.render(
      'agendering-bevestigd',
      { title: 'Agendering verstuurd', principal },
      { result, itemTypeLabel: result.itemTypeLabel },
    );
  }

  /** The tables and item types this person can put a dossier on with this form. */
  private choices(principal: Principal): Choice[] {
    const coordinator = hasRole(principal, 'coordinator');
    // An aanmelder brings their dossier back to the intake table (a herbespreking); the other
    // tables and item types are the casusregisseur's (and the coordinator's): only what the person
    // may send is offered. A new aanmelding comes in through its own form.
    const region = this.agenda.region;
    const mayReturnToIntake = hasRole(principal, 'aanmelder') || coordinator;
    const mayUseCasusregieTables = hasRole(principal, 'casusregisseur') || coordinator;
    return agenderingTables(region).flatMap((table) =>
      table.itemTypes
        .filter((t) =>
          isIntakeReturnItem(region, table.key, t.key)
            ? mayReturnToIntake
            : !isAanmeldingItem(region, table.key, t.key) && mayUseCasusregieTables,
        )
        .map((t) => ({
          value: `${table.key}:${t.key}`,
          tableKey: table.key,
          tableName: table.name,
          itemType: t.key,
          itemTypeLabel: t.label,
        })),
    );
  }

  private async render(
    principal: Principal,
    values: Record<string, string>,
    guests: GuestRow[],
    route: string,
    failed?: FailedForm,
  ): Promise<string> {
    // Only the dossiers the person may agenderen: a coordinator any of the region's, anyone else
    // those whose casusregie they hold, or (without a casusregisseur yet) that they referred.
    // Running dossiers only, the most recent first; a dossier further down the list (or asked for
    // by a link) is looked up by its code, so none is out of reach.
    const mayAgenderen = (d: ListedDossier) =>
      isCoordinator(principal) || (d.casusregisseurId ?? d.aanmelderId) === principal.personId;
    const listed = await this.listDossiers.execute(
      principal,
      route,
      { limit: DOSSIER_PAGE_MAX },
      { runningOnly: true },
    );
    const own = listed.dossiers.filter(mayAgenderen);
    const more = listed.total > listed.dossiers.length;
    if (
      values.dossierCode &&
      !own.some((d) => d.code === values.dossierCode) &&
      isDossierCode(values.dossierCode)
    ) {
      const asked = await this.listDossiers.execute(principal, route, { code: values.dossierCode, limit: 5 });
      const exact = asked.dossiers.find((d) => d.code === values.dossierCode && mayAgenderen(d));
      if (exact) own.unshift(exact);
    }
    // A code from the query that is not one of the person's own dossiers is simply not chosen.
    if (values.dossierCode && !own.some((d) => d.code === values.dossierCode) && !failed) {
      values = { ...values, dossierCode: '' };
    }
    const offered = this.choices(principal);
    const previews = await this.previews.previews(offered);
    const choices: Choice[] = offered.map((c, i) => {
      const preview = previews[i];
      return preview ? { ...c, preview } : c;
    });
    if (values.soort && !choices.some((c) => c.value === values.soort) && !failed) {
      values = { ...values, soort: '' };
    }
    const flat: Record<string, string> = { ...values };
    guests.forEach((g, i) => {
      for (const f of GUEST_FIELDS) flat[`guests.${i}.${f}`] = g[f];
    });
    const forms = new PageForms(
      {
        key: 'agendering',
        values: flat,
        errors: failed?.errors ?? [],
        message: failed?.message,
        status: failed?.status ?? 200,
      },
      { tableKey: 'soort', itemType: 'soort', guests: 'guests.0.email' },
    );
    let chosen = choices.find((c) => c.value === values.soort);
    const chosenDossier = own.find((d) => d.code === values.dossierCode);
    if (chosen && chosenDossier?.afrondingDate) {
      // For this dossier: an afsluiting goes to a zitting on or after afronding + 6 months.
      const preview = await this.previews.preview(chosen.tableKey, chosen.itemType, {
        afrondingDate: chosenDossier.afrondingDate.toISOString().slice(0, 10),
      });
      chosen = preview ? { ...chosen, preview } : chosen;
    }
    return this.pages.render(
      'agendering',
      { title: 'Agenderen', principal },
      {
        dossiers: own.map((d) => ({ code: d.code, phase: this.timeline.phaseLabel(d.phase) })),
        moreDossiers: more ? { shown: listed.dossiers.length, total: listed.total } : undefined,
        choices,
        tables: [...new Set(choices.map((c) => c.tableName))],
        chosen,
        chosenDossier: chosenDossier?.code,
        guestRows: guests.length,
        guestKinds: [
          { value: 'aanmelder', label: 'de aanmelder' },
          { value: 'consulent', label: 'de consulent (OCJ/SDJ)' },
          { value: 'expert', label: 'een externe expert' },
        ],
        resubmitted: !!failed,
        domains:
          this.agenda.region.riskInstrument?.domains.map((d) => ({ key: d.key, label: d.label })) ?? [],
        childrenAnswers: CHILDREN_HEARD_ANSWERS.map((value) => ({
          value,
          label: CHILDREN_HEARD_LABELS[value],
        })),
      },
      forms,
    );
  }
}

/**
 * A dossier the person may not agenderen is, on the form, a message next to the dossier with the
 * input kept (the API answers 404): the same words whether it does not exist or is someone else's.
 */
function refusedOnTheForm(error: unknown): unknown {
  if (error instanceof AgendaRefusal && error.code === 'DOSSIER_NOT_FOUND') {
    return new InputError([
      {
        field: 'dossierCode',
        code: 'NOT_YOURS',
        message:
          'U kunt enkel een dossier agenderen waarvan u de casusregisseur (of voor de ICO de aanmelder) bent. Kies een dossier uit de lijst.',
      },
    ]);
  }
  return error;
}

function splitChoice(value: string): [string, string] {
  const at = value.indexOf(':');
  return at < 0 ? ['', ''] : [value.slice(0, at), value.slice(at + 1)];
}

function emptyGuests(n: number): GuestRow[] {
  return Array.from({ length: Math.max(n, 0) }, () => ({ kind: '', email: '', name: '' }));
}

function guestRows(body: Record<string, unknown>): GuestRow[] {
  return Array.from({ length: GUEST_ROWS }, (_, i) => ({
    kind: str(body, `guest-${i}-kind`),
    email: str(body, `guest-${i}-email`),
    name: str(body, `guest-${i}-name`),
  }));
}

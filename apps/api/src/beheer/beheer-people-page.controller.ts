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
  AddPersonSchema,
  BeheerAddPersonUseCase,
  BeheerEditPersonUseCase,
  BeheerReasonSchema,
  BeheerRemoveMembershipUseCase,
  BeheerSetMembershipUseCase,
  BeheerSetPersonActiveUseCase,
  BeheerSetPersonRolesUseCase,
  MembershipSchema,
  parseInput,
  PersonDetailsSchema,
  ReadBeheerUseCase,
  RolesSchema,
  Viewer,
  scopedRegion,
} from '@overlegtafels/application';
import { CurrentPrincipal, Principal, Roles } from '@overlegtafels/auth';
import { CurrentViewer } from '../web/current-viewer.decorator';
import { failedForm, FailedForm, isUuid, noticeFor, PageForms, pick } from '../web/page-form';
import { PageService } from '../web/page.service';
import { formSubmissionKey, withKey } from '../web/submission-key';
import { beheerLabelsOf, strings } from './beheer-labels';

const NOTICES: Record<string, string> = {
  toegevoegd: 'De persoon is toegevoegd.',
  gewijzigd: 'De gegevens zijn gewijzigd.',
  rollen: 'De rollen zijn gewijzigd.',
  geactiveerd:
    'De persoon is weer actief. Wat bij de deactivering naar de coördinatoren ging, blijft daar: dossiers en taken komen niet vanzelf terug.',
  tafel: 'De plaats aan de tafel is bewaard.',
  verwijderd: 'De plaats aan de tafel is beëindigd.',
};

/** A count from the address after a deactivation: a small whole number, or none. */
function countOf(query: Record<string, unknown>, field: string): number {
  const value = query[field];
  return typeof value === 'string' && /^\d{1,6}$/.test(value) ? Number(value) : 0;
}

/** What the deactivation did, in counts: a beheerder sees no dossier. */
export function deactivatedNotice(query: Record<string, unknown>): string {
  const dossiers = countOf(query, 'dossiers');
  const taken = countOf(query, 'taken');
  const actiepunten = countOf(query, 'actiepunten');
  const parts = [
    'De persoon is gedeactiveerd: hun aanmeldingen, agenda-abonnement en inloglinks werken niet meer.',
  ];
  if (dossiers + taken + actiepunten === 0) {
    parts.push(
      'Er ging niets over naar de coördinatoren: de persoon was van geen open dossier casusregisseur en had geen open taken.',
    );
  } else {
    parts.push(
      `Overgedragen aan de coördinatoren: ${plural(dossiers, 'dossier', 'dossiers')} waarvoor een nieuwe casusregisseur nodig is, ${plural(taken, 'opvolgingstaak', 'opvolgingstaken')} en ${plural(actiepunten, 'actiepunt', 'actiepunten')}. De coördinatoren kregen een mail.`,
    );
  }
  return parts.join(' ');
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The person forms of the page, each with the fields it sends. */
const PERSON_FORMS = {
  gegevens: ['displayName', 'email', 'organisationId', 'reason'],
  rollen: ['reason'],
  tafel: ['tableKey', 'function', 'standing', 'reason'],
  deactiveren: ['reason'],
  activeren: ['reason'],
} as const;

/**
 * The beheerder's pages for the region's people: the list with the form to add one, and each
 * person's page with their details, roles, table seats and (de)activation, every change with its
 * reason. Shows people and organisations only, never a dossier.
 */
@Controller('beheer/personen')
export class BeheerPeoplePageController {
  constructor(
    @Inject(ReadBeheerUseCase) private readonly read: ReadBeheerUseCase,
    @Inject(BeheerAddPersonUseCase) private readonly addPerson: BeheerAddPersonUseCase,
    @Inject(BeheerEditPersonUseCase) private readonly editPerson: BeheerEditPersonUseCase,
    @Inject(BeheerSetPersonRolesUseCase) private readonly setRoles: BeheerSetPersonRolesUseCase,
    @Inject(BeheerSetPersonActiveUseCase) private readonly setActive: BeheerSetPersonActiveUseCase,
    @Inject(BeheerSetMembershipUseCase) private readonly setMembership: BeheerSetMembershipUseCase,
    @Inject(BeheerRemoveMembershipUseCase) private readonly removeMembership: BeheerRemoveMembershipUseCase,
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
  list(@CurrentPrincipal() principal: Principal, @CurrentViewer() viewer: Viewer): Promise<string> {
    return this.renderList(principal, viewer);
  }

  @Post()
  @Roles('admin')
  async add(
    @CurrentPrincipal() principal: Principal,
    @CurrentViewer() viewer: Viewer,
    @Body() body: Record<string, unknown>,
    @Res() res: Response,
  ): Promise<void> {
    const values = pick(body, ['displayName', 'email', 'organisationId', 'reason', 'submissionKey']);
    const chosen = { roles: strings(body, 'roles'), coordinatorTables: strings(body, 'coordinatorTables') };
    try {
      const input = parseInput(AddPersonSchema, { ...values, ...chosen });
      const { personId } = await this.addPerson.execute({
        actor: viewer,
        ...input,
        ...withKey(formSubmissionKey(body)),
      });
      res.redirect(303, `/beheer/personen/${personId}?melding=toegevoegd`);
    } catch (error) {
      const failed = failedForm('persoon', values, error);
      res
        .status(failed.status)
        .type('html')
        .send(await this.renderList(principal, viewer, failed, chosen));
    }
  }

  @Get(':id')
  @Roles('admin')
  @Header('Content-Type', 'text/html; charset=utf-8')
  person(
    @CurrentPrincipal() principal: Principal,
    @CurrentViewer() viewer: Viewer,
    @Param('id') id: string,
    @Query('melding') melding?: string,
    @Query() query: Record<string, unknown> = {},
  ): Promise<string> {
    if (!isUuid(id)) throw new NotFoundException('Persoon niet gevonden.');
    const notice = melding === 'gedeactiveerd' ? deactivatedNotice(query) : noticeFor(NOTICES, melding);
    return this.renderPerson(principal, viewer, id, notice);
  }

  @Post(':id')
  @Roles('admin')
  edit(
    @CurrentPrincipal() principal: Principal,
    @CurrentViewer() viewer: Viewer,
    @Param('id') id: string,
    @Body() body: Record<string, unknown>,
    @Res() res: Response,
  ): Promise<void> {
    return this.change(principal, viewer, id, 'gegevens', body, res, async (values) => {
      await this.editPerson.execute({
        actor: viewer,
        personId: id,
        ...parseInput(PersonDetailsSchema, values),
        ...withKey(formSubmissionKey(body)),
      });
      return 'gewijzigd';
    });
  }

  @Post(':id/rollen')
  @Roles('admin')
  roles(
    @CurrentPrincipal() principal: Principal,
    @CurrentViewer() viewer: Viewer,
    @Param('id') id: string,
    @Body() body: Record<string, unknown>,
    @Res() res: Response,
  ): Promise<void> {
    return this.change(principal, viewer, id, 'rollen', body, res, async (values) => {
      const input = parseInput(RolesSchema, {
        ...values,
        roles: strings(body, 'roles'),
        coordinatorTables: strings(body, 'coordinatorTables'),
      });
      await this.setRoles.execute({
        actor: viewer,
        personId: id,
        ...input,
        ...withKey(formSubmissionKey(body)),
      });
      return 'rollen';
    });
  }

  @Post(':id/deactiveren')
  @Roles('admin')
  deactivate(
    @CurrentPrincipal() principal: Principal,
    @CurrentViewer() viewer: Viewer,
    @Param('id') id: string,
    @Body() body: Record<string, unknown>,
    @Res() res: Response,
  ): Promise<void> {
    return this.change(principal, viewer, id, 'deactiveren', body, res, async (values) => {
      const { reason } = parseInput(BeheerReasonSchema, values);
      const { handedOver } = await this.setActive.execute({
        actor: viewer,
        personId: id,
        active: false,
        reason,
        ...withKey(formSubmissionKey(body)),
      });
      // Counts only in the address: the page says how much went to the coordinators.
      const { dossiers, obligations, actionPoints } = handedOver;
      return `gedeactiveerd&dossiers=${dossiers}&taken=${obligations}&actiepunten=${actionPoints}`;
    });
  }

  @Post(':id/activeren')
  @Roles('admin')
  activate(
    @CurrentPrincipal() principal: Principal,
    @CurrentViewer() viewer: Viewer,
    @Param('id') id: string,
    @Body() body: Record<string, unknown>,
    @Res() res: Response,
  ): Promise<void> {
    return this.change(principal, viewer, id, 'activeren', body, res, async (values) => {
      const { reason } = parseInput(BeheerReasonSchema, values);
      await this.setActive.execute({
        actor: viewer,
        personId: id,
        active: true,
        reason,
        ...withKey(formSubmissionKey(body)),
      });
      return 'geactiveerd';
    });
  }

  @Post(':id/tafels')
  @Roles('admin')
  seat(
    @CurrentPrincipal() principal: Principal,
    @CurrentViewer() viewer: Viewer,
    @Param('id') id: string,
    @Body() body: Record<string, unknown>,
    @Res() res: Response,
  ): Promise<void> {
    return this.change(principal, viewer, id, 'tafel', body, res, async (values) => {
      await this.setMembership.execute({
        actor: viewer,
        personId: id,
        ...parseInput(MembershipSchema, values),
        ...withKey(formSubmissionKey(body)),
      });
      return 'tafel';
    });
  }

  @Post(':id/tafels/:key/verwijderen')
  @Roles('admin')
  unseat(
    @CurrentPrincipal() principal: Principal,
    @CurrentViewer() viewer: Viewer,
    @Param('id') id: string,
    @Param('key') key: string,
    @Body() body: Record<string, unknown>,
    @Res() res: Response,
  ): Promise<void> {
    // The key names one of our forms on the page: only a table of the region gets that far.
    if (!this.read.tableList().some((t) => t.key === key))
      throw new NotFoundException('Tafel niet gevonden.');
    return this.change(
      principal,
      viewer,
      id,
      'deactiveren',
      body,
      res,
      async (values) => {
        const { reason } = parseInput(BeheerReasonSchema, values);
        await this.removeMembership.execute({
          actor: viewer,
          personId: id,
          tableKey: key,
          reason,
          ...withKey(formSubmissionKey(body)),
        });
        return 'verwijderd';
      },
      `verwijderen-${key}`,
    );
  }

  /** One change of the person page: done, back to the page (PRG); refused, the page with the form. */
  private async change(
    principal: Principal,
    viewer: Viewer,
    id: string,
    form: keyof typeof PERSON_FORMS,
    body: Record<string, unknown>,
    res: Response,
    work: (values: Record<string, string>) => Promise<string>,
    formKey: string = form,
  ): Promise<void> {
    if (!isUuid(id)) throw new NotFoundException('Persoon niet gevonden.');
    const values = pick(body, PERSON_FORMS[form]);
    try {
      const notice = await work(values);
      res.redirect(303, `/beheer/personen/${id}?melding=${notice}`);
    } catch (error) {
      const failed = failedForm(formKey, values, error);
      const chosen = { roles: strings(body, 'roles'), coordinatorTables: strings(body, 'coordinatorTables') };
      res
        .status(failed.status)
        .type('html')
        .send(await this.renderPerson(principal, viewer, id, undefined, failed, chosen));
    }
  }

  private async renderList(
    principal: Principal,
    viewer: Viewer,
    failed?: FailedForm,
    chosen: { roles: string[]; coordinatorTables: string[] } = { roles: [], coordinatorTables: [] },
  ): Promise<string> {
    const [people, organisations] = await Promise.all([
      this.read.people(viewer),
      this.read.organisations(viewer),
    ]);
    return this.pages.render(
      'beheer-personen',
      { title: 'Personen', principal },
      {
        people,
        organisations: organisations.filter((o) => o.active),
        tables: this.read.tableList(),
        chosen,
        labels: this.labels(),
      },
      new PageForms(failed),
    );
  }

  private async renderPerson(
    principal: Principal,
    viewer: Viewer,
    id: string,
    notice?: string,
    failed?: FailedForm,
    chosen?: { roles: string[]; coordinatorTables: string[] },
  ): Promise<string> {
    const person = await this.read.person(viewer, id);
    const organisations = await this.read.organisations(viewer);
    const held = {
      roles: person.roles
        .filter((r) => r.role !== 'member' && (r.role !== 'coordinator' || r.tableKey === null))
        .map((r) => r.role),
      coordinatorTables: person.roles
        .filter((r) => r.role === 'coordinator' && r.tableKey)
        .map((r) => r.tableKey!),
    };
    const tables = this.read.tableList();
    return this.pages.render(
      'beheer-persoon',
      { title: person.displayName, principal, notice },
      {
        person,
        self: person.id === viewer.personId,
        organisations: organisations.filter((o) => o.active || o.id === person.organisationId),
        tables,
        tableName: (key: string) => tables.find((t) => t.key === key)?.name ?? key,
        chosen: failed?.key === 'rollen' && chosen ? chosen : held,
        labels: this.labels(),
      },
      new PageForms(failed),
    );
  }
}

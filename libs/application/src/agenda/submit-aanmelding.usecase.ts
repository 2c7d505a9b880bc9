import { Inject, Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { APP_CONFIG, AppConfig, Clock, CLOCK } from '@overlegtafels/config';
import { nextDossierCode, placeSubmission } from '@overlegtafels/domain';
import { dossierCode, emailAddress, label, MailComposer, uuid, webLink } from '@overlegtafels/mail';
import { AgendaRepository, AuditRepository, OrganisationRepository } from '@overlegtafels/persistence';
import { DossierRepository } from '../ports/dossier.repository.port';
import { AanmeldingSchema, AgendaRefusal, InputError, parseInput } from './agenda-input';
import { AgendaService } from './agenda.service';
import { Actor, slotInfo, SlotInfo } from './agenda-views';
import { DossierChanged } from '../ports/dossier-changed.port';
import { OutboxWriter, QueuedMail } from './outbox-writer';

export const ICO_TABLE = 'ico';

export interface AanmeldingResult {
  readonly dossierId: string;
  readonly dossierCode: string;
  readonly agendaItemId: string;
  readonly slot: SlotInfo;
}

/**
 * An aanmelder files an aanmelding: a new dossier (phase aangemeld, a new code), the aanmelding
 * with every question of the guide, and an ICO agendapunt placed by the table's rules — in one
 * transaction with the confirmation mail, under the ICO's lock so racing submissions queue up.
 */
@Injectable()
export class SubmitAanmeldingUseCase {
  constructor(
    @Inject(AgendaService) private readonly agenda: AgendaService,
    @Inject(AgendaRepository) private readonly repo: AgendaRepository,
    @Inject(DossierRepository) private readonly dossiers: DossierRepository,
    @Inject(OrganisationRepository) private readonly organisations: OrganisationRepository,
    @Inject(AuditRepository) private readonly audit: AuditRepository,
    @Inject(MailComposer) private readonly composer: MailComposer,
    @Inject(OutboxWriter) private readonly outbox: OutboxWriter,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DossierChanged) private readonly dossierChanged: DossierChanged,
  ) {}

  async execute(actor: Actor, body: unknown): Promise<AanmeldingResult> {
    const input = parseInput(AanmeldingSchema, body);
    const organisation = await this.organisations.find(input.organisationId);
    if (!organisation || organisation.regionId !== actor.regionId || !organisation.active) {
      throw new InputError([
        { field: 'organisationId', code: 'UNKNOWN', message: 'Kies een organisatie uit de lijst.' },
      ]);
    }
    const region = this.agenda.region;
    const table = this.agenda.table(ICO_TABLE);
    const mails: QueuedMail[] = [];
    const result = await this.repo.transaction(async (tx) => {
      const now = this.clock.now();
      const state = await this.agenda.lock(tx, table.key);
      const placed = placeSubmission(table, now.getTime(), {
        calendar: state.calendar,
        itemType: 'aanmelding',
      });
      if (!placed.ok) {
        throw new AgendaRefusal(
          'NO_SESSION_IN_RANGE',
          'Er is het komende jaar geen ICO gepland; neem contact op met de coördinator.',
        );
      }
      const year = DateTime.fromJSDate(now, { zone: table.timeZone }).year;
      const code = nextDossierCode(
        region.dossierCodePrefix ?? 'CO3',
        year,
        (await this.dossiers.takeNextNumber(tx, state.regionId, year)) - 1,
      );
      const { dossierId, aanmeldingId } = await this.dossiers.openWithAanmelding(tx, {
        ...input,
        code,
        regionId: state.regionId,
        aanmelderId: actor.personId,
        submittedAt: now,
      });
      const row = await this.agenda.ensureRow(tx, state, placed.session);
      const item = await this.repo.createItem(tx, {
        sessionId: row.id,
        dossierId,
        tableKey: table.key,
        itemType: 'aanmelding',
        durationMinutes: placed.itemType!.durationMinutes,
        position: 0,
        slotStart: null,
        slotEnd: null,
        submittedAt: now,
        submittedById: actor.personId,
        aanmeldingId,
        guests: [{ kind: 'aanmelder', personId: actor.personId, email: input.contactEmail }],
      });
      const realloc = await this.agenda.reallocate(tx, state);
      if (realloc.unallocated.includes(item.id)) {
        throw new AgendaRefusal(
          'SESSION_FULL',
          'Alle ICO’s van het komende jaar zijn volzet; neem contact op met de coördinator.',
        );
      }
      await this.dossierChanged.dossierChanged(tx, dossierId);
      const stored = (await this.repo.item(item.id, tx))!;
      const session = (await this.repo.session(stored.sessionId, tx))!;
      const slot = slotInfo(table, session, stored, state.calendar);
      await this.audit.append(
        {
          actorPersonId: actor.personId,
          action: 'aanmelding.create',
          entityType: 'dossier',
          entityId: dossierId,
          dossierId,
          outcome: 'allowed',
          route: actor.route,
          details: { code, agendaItemId: item.id, sessionId: session.id },
        },
        now,
        tx,
      );
      const zone = table.timeZone;
      const start = DateTime.fromJSDate(stored.slotStart!, { zone });
      const end = DateTime.fromJSDate(stored.slotEnd!, { zone });
      const rendered = await this.composer.aanmeldingReceived({
        recipient: { address: emailAddress(input.contactEmail) },
        session: {
          id: uuid(session.id),
          table: label(table.name),
          start: DateTime.fromJSDate(session.startsAt, { zone }),
          end: DateTime.fromJSDate(session.endsAt, { zone }),
        },
        slot: {
          agendaItemId: uuid(item.id),
          start,
          end,
          dossier: dossierCode(code),
          itemType: label('Aanmelding'),
        },
        detailsUrl: webLink(`${this.config.publicUrl}/dossiers/${code}`),
        freezeAt: DateTime.fromMillis(slot.freezeAtMs, { zone }),
        invitation: { sequence: stored.icsSequence, stamp: DateTime.fromJSDate(now, { zone }) },
      });
      mails.push(
        await this.outbox.write(tx, rendered, {
          key: `aanmelding-received|${item.id}|${actor.personId}|${stored.icsSequence}`,
          purpose: 'aanmelding-received',
          recipientEmail: input.contactEmail,
          recipientPersonId: actor.personId,
          sessionId: session.id,
          agendaItemId: item.id,
          dossierId,
          sequence: stored.icsSequence,
        }),
      );
      return { dossierId, dossierCode: code, agendaItemId: item.id, slot };
    });
    await this.outbox.enqueue(mails);
    return result;
  }
}

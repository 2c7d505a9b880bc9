import { Inject, Injectable, Logger } from '@nestjs/common';
import { DateTime } from 'luxon';
import { APP_CONFIG, AppConfig, Clock, CLOCK } from '@overlegtafels/config';
import { TableDefinition } from '@overlegtafels/domain';
import {
  AgendaRow,
  dossierCode,
  emailAddress,
  GuestSlot,
  IcsPart,
  label,
  Label,
  MAIL_IDENTITY,
  MailComposer,
  MailIdentity,
  MailValueError,
  messageIdFor,
  Recipient,
  RenderedBody,
  RenderedMail,
  SessionInfo,
  SessionTitleInput,
  toOutboxContent,
  uuid,
  webLink,
  WebLink,
} from '@overlegtafels/mail';
import type { MailingItem } from '../ports/agenda-mailing.port';
import { CalendarReminders } from '../ports/calendar-reminders.port';
import type { SessionRecord } from '../ports/agenda-session.repository.port';
import { AGENDA_MAIL, agendaMailKey, AgendaMailPurpose, messageLocalPart } from './agenda-mail-keys';
import { mailPlaceOf } from './mail-place.util';
import { broughtBy, OutboxBatch } from './agenda-mail-parts';

import type { AgendaRecipient } from './agenda-recipients';
export { personRecipient, sameAddress, slotRecipients } from './agenda-recipients';
export type { AgendaRecipient } from './agenda-recipients';
export { OutboxBatch } from './agenda-mail-parts';

interface About {
  readonly session: SessionRecord;
  readonly item?: MailingItem;
}

/**
 * Renders the agenda mails (through the MailComposer, which escapes everything and keeps subjects
 * and calendar texts to codes and labels) into outbox rows. No I/O apart from reading the clock
 * for DTSTAMP and the recipients' chosen reminders (their VALARM); the caller writes the batch in
 * its transaction.
 */
@Injectable()
export class AgendaMailWriter {
  private readonly logger = new Logger(AgendaMailWriter.name);

  constructor(
    @Inject(MailComposer) private readonly composer: MailComposer,
    @Inject(MAIL_IDENTITY) private readonly identity: MailIdentity,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CalendarReminders) private readonly reminders: CalendarReminders,
  ) {}

  /** The agenda page of a session, behind login; the URL carries the session id only. */
  agendaUrl(sessionId: string): WebLink {
    return webLink(`${this.config.publicUrl}/agenda/${sessionId}`);
  }

  /**
   * Where a mail about one item sends its recipient: the dossier page for the people who may open
   * it (who agendered it — the aanmelder of an ICO item, the casusregisseur of a later one — and the
   * casusregisseur), the session's agenda for the table's members and coordinators. An aanmelder
   * is no table member, so a link to the agenda would only answer "niet gevonden".
   */
  itemUrl(item: MailingItem, sessionId: string, recipient: AgendaRecipient): WebLink {
    const opensDossier =
      recipient.personId !== null &&
      (recipient.personId === item.submittedBy.id || recipient.personId === item.casusregisseur?.id);
    return opensDossier
      ? webLink(`${this.config.publicUrl}/dossiers/${item.dossierCode}`)
      : this.agendaUrl(sessionId);
  }

  sessionInfo(session: SessionRecord, table: TableDefinition): SessionInfo {
    const where = mailPlaceOf(session, table, (code) =>
      this.logger.warn(`meeting place of session ${session.id} left out of its mails: ${code}`),
    );
    return {
      id: uuid(session.id),
      table: label(table.name),
      start: brussels(session.startsAt),
      end: brussels(session.endsAt),
      ...(where.location && { location: where.location }),
      ...(where.onlineUrl && { onlineUrl: where.onlineUrl }),
    };
  }

  /** The table's page, where a coordinator cancels the session (its row is the anchor). */
  tableUrl(session: SessionRecord): WebLink {
    return webLink(`${this.config.publicUrl}/tafels/${session.tableKey}#zitting-${session.id}`);
  }

  /** An empty agenda: a coordinator is asked to cancel or keep it (once per session version). */
  async emptyAgenda(
    batch: OutboxBatch,
    session: SessionRecord,
    table: TableDefinition,
    to: AgendaRecipient,
  ): Promise<void> {
    await this.write(batch, AGENDA_MAIL.emptyAgenda, { session }, to, session.icsSequence, (r) =>
      this.composer.emptyAgenda({
        recipient: r,
        session: this.sessionInfo(session, table),
        agendaUrl: this.agendaUrl(session.id),
        cancelUrl: this.tableUrl(session),
      }),
    );
  }

  sessionTitle(session: Pick<SessionRecord, 'startsAt'>, table: TableDefinition): SessionTitleInput {
    return { table: label(table.name), start: brussels(session.startsAt) };
  }

  /** The item's slot; an item without slot times (not allocated) is shown at the session's start. */
  slotOf(item: MailingItem, session: SessionRecord, table: TableDefinition): GuestSlot {
    const start = item.slotStart ?? session.startsAt;
    const end = item.slotEnd ?? new Date(start.getTime() + item.durationMinutes * 60_000);
    return {
      agendaItemId: uuid(item.id),
      start: brussels(start),
      end: brussels(end),
      dossier: dossierCode(item.dossierCode),
      itemType: itemTypeLabel(table, item.itemType),
    };
  }

  rowsOf(items: readonly MailingItem[], session: SessionRecord, table: TableDefinition): AgendaRow[] {
    return items.map((item) => {
      const slot = this.slotOf(item, session, table);
      return {
        start: slot.start,
        end: slot.end,
        dossier: slot.dossier,
        itemType: slot.itemType,
        broughtBy: broughtBy(item, table),
      };
    });
  }

  /**
   * The agenda with the session's invitation (a new one, or an update when `changed`) to each of
   * `recipients`. The agenda is rendered once: every row carries the very same text and HTML (one
   * stored body, encoded once by the sender); only the invitation, whose ATTENDEE is the
   * recipient, is made per row.
   */
  async agendaToMembers(
    batch: OutboxBatch,
    session: SessionRecord,
    table: TableDefinition,
    items: readonly MailingItem[],
    recipients: readonly AgendaRecipient[],
    sequence: number,
    changed: boolean,
  ): Promise<void> {
    if (recipients.length === 0) return;
    const purpose = changed ? AGENDA_MAIL.agendaUpdate : AGENDA_MAIL.agenda;
    let body: RenderedBody;
    let invitationFor: (recipient: Recipient) => IcsPart;
    try {
      const input = {
        session: this.sessionInfo(session, table),
        rows: this.rowsOf(items, session, table),
        agendaUrl: this.agendaUrl(session.id),
        changed,
        // One DTSTAMP for the whole fan-out: every copy is the same version of the entry.
        invitation: { sequence, stamp: this.stamp() },
      };
      body = await this.composer.agendaBody(input);
      invitationFor = this.composer.agendaInvitations(input);
    } catch (error) {
      if (!(error instanceof MailValueError)) throw error;
      // A value the agenda cannot show skips these mails, not the whole change (as when the body
      // was rendered per recipient); ids, the count and the code only in the log.
      this.logger.warn(
        `${purpose} for session ${session.id} skipped for ${recipients.length} recipient(s): ${error.code}`,
      );
      return;
    }
    // Everyone's reminder in one read, not one per member.
    const reminders = await this.reminders.ofPeople(
      recipients.flatMap((r) => (r.personId === null ? [] : [r.personId])),
      batch.tx,
    );
    for (const to of recipients) {
      await this.write(
        batch,
        purpose,
        { session },
        to,
        sequence,
        async (recipient) => ({ ...body, ics: invitationFor(recipient) }),
        reminders,
      );
    }
  }

  /** A guest's invitation for their own slot (or its update: same UID, higher SEQUENCE). */
  async slotInvitation(
    batch: OutboxBatch,
    session: SessionRecord,
    table: TableDefinition,
    item: MailingItem,
    to: AgendaRecipient,
    sequence: number,
  ): Promise<void> {
    await this.write(batch, AGENDA_MAIL.slotInvitation, { session, item }, to, sequence, (r) =>
      this.composer.guestInvitation({
        recipient: r,
        session: this.sessionInfo(session, table),
        slot: this.slotOf(item, session, table),
        detailsUrl: this.itemUrl(item, session.id, to),
        invitation: { sequence, stamp: this.stamp() },
      }),
    );
  }

  /** At the freeze; with `sequence`, the slot entry the recipient holds is updated to CONFIRMED. */
  async slotConfirmed(
    batch: OutboxBatch,
    session: SessionRecord,
    table: TableDefinition,
    item: MailingItem,
    to: AgendaRecipient,
    sequence: number | undefined,
  ): Promise<void> {
    await this.write(
      batch,
      sequence === undefined ? AGENDA_MAIL.slotConfirmed : AGENDA_MAIL.slotInvitation,
      { session, item },
      to,
      sequence ?? item.icsSequence,
      (r) =>
        this.composer.slotConfirmed({
          recipient: r,
          session: this.sessionInfo(session, table),
          slot: this.slotOf(item, session, table),
          detailsUrl: this.itemUrl(item, session.id, to),
          ...(sequence === undefined ? {} : { invitation: { sequence, stamp: this.stamp() } }),
        }),
    );
  }

  /** The item is now on `to`; with `sequence` the recipient's slot entry moves along. */
  async itemMoved(
    batch: OutboxBatch,
    from: SessionRecord,
    toSession: SessionRecord,
    table: TableDefinition,
    item: MailingItem,
    recipient: AgendaRecipient,
    reason: string | null,
    sequence: number | undefined,
  ): Promise<void> {
    await this.write(
      batch,
      sequence === undefined ? AGENDA_MAIL.itemMoved : AGENDA_MAIL.slotInvitation,
      { session: toSession, item },
      recipient,
      sequence ?? item.icsSequence,
      (r) =>
        this.composer.itemMoved({
          recipient: r,
          from: this.sessionTitle(from, table),
          to: this.sessionInfo(toSession, table),
          slot: this.slotOf(item, toSession, table),
          ...(reason ? { reason } : {}),
          detailsUrl: this.itemUrl(item, toSession.id, recipient),
          ...(sequence === undefined ? {} : { invitation: { sequence, stamp: this.stamp() } }),
        }),
    );
  }

  /** Cancelled: METHOD:CANCEL of the session (or of `item`'s slot), or a plain notice without `cancel`. */
  async sessionCancelled(
    batch: OutboxBatch,
    session: SessionRecord,
    table: TableDefinition,
    to: AgendaRecipient,
    options: {
      reason: string;
      next?: SessionRecord;
      cancel?: { sequence: number; item?: MailingItem };
    },
  ): Promise<void> {
    const { cancel } = options;
    const purpose = !cancel
      ? AGENDA_MAIL.sessionCancelled
      : cancel.item
        ? AGENDA_MAIL.slotCancel
        : AGENDA_MAIL.sessionCancel;
    await this.write(
      batch,
      purpose,
      { session, ...(cancel?.item ? { item: cancel.item } : {}) },
      to,
      cancel?.sequence ?? session.icsSequence,
      (r) =>
        this.composer.sessionCancelled({
          recipient: r,
          session: this.sessionInfo(session, table),
          reason: options.reason,
          ...(options.next ? { next: this.sessionTitle(options.next, table) } : {}),
          detailsUrl: cancel?.item ? this.itemUrl(cancel.item, session.id, to) : this.agendaUrl(session.id),
          ...(cancel
            ? {
                cancellation: {
                  sequence: cancel.sequence,
                  stamp: this.stamp(),
                  ...(cancel.item ? { slot: this.slotOf(cancel.item, session, table) } : {}),
                },
              }
            : {}),
        }),
    );
  }

  private stamp(): DateTime {
    return brussels(this.clock.now());
  }

  private async write(
    batch: OutboxBatch,
    purpose: AgendaMailPurpose,
    about: About,
    to: AgendaRecipient,
    sequence: number,
    render: (recipient: Recipient) => Promise<RenderedMail>,
    reminders?: ReadonlyMap<string, number | null>,
  ): Promise<void> {
    let rendered: RenderedMail;
    let address;
    // A person's chosen reminder goes into their invitations; a guest known by address has none.
    const reminderMinutes =
      to.personId === null
        ? null
        : reminders
          ? (reminders.get(to.personId) ?? null)
          : await this.reminders.of(to.personId, batch.tx);
    try {
      address = emailAddress(to.email.trim());
      rendered = await render({ address, ...(to.name ? { name: to.name } : {}), reminderMinutes });
    } catch (error) {
      if (!(error instanceof MailValueError)) throw error;
      // One unusable address or value must not stop a fan-out; ids and the code only in the log.
      this.logger.warn(
        `${purpose} for session ${about.session.id}${about.item ? ` item ${about.item.id}` : ''} skipped for one recipient: ${error.code}`,
      );
      return;
    }
    const idempotencyKey = agendaMailKey(
      purpose,
      about.item ? { agendaItemId: about.item.id } : { sessionId: about.session.id },
      to,
      sequence,
    );
    batch.push({
      idempotencyKey,
      purpose,
      templateKey: purpose,
      recipientEmail: address,
      recipientPersonId: to.personId,
      sessionId: about.session.id,
      agendaItemId: about.item?.id ?? null,
      dossierId: about.item?.dossierId ?? null,
      sequence: rendered.ics ? sequence : 0,
      messageId: messageIdFor(this.identity.uidHost, messageLocalPart(idempotencyKey)),
      ...toOutboxContent(rendered),
      payload: { sessionId: about.session.id, agendaItemId: about.item?.id ?? null },
    });
  }
}

function brussels(instant: Date): DateTime {
  return DateTime.fromJSDate(instant, { zone: 'Europe/Brussels' });
}

/** The configured label of an item type; an unknown key is shown as its (label-safe) key. */
function itemTypeLabel(table: TableDefinition, key: string): Label {
  return label(table.itemTypes.find((t) => t.key === key)?.label ?? key);
}

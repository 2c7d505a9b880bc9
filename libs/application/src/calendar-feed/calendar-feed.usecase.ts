import { Inject, Injectable, Optional } from '@nestjs/common';
import { DateTime } from 'luxon';
import { hashToken } from '@overlegtafels/auth';
import { APP_CONFIG, AppConfig, Clock, CLOCK, inRegion } from '@overlegtafels/config';
import {
  calendarFeed,
  dossierCode,
  FeedDueDate,
  FeedEntry,
  feedObligationUid,
  guestSlotUid,
  label,
  MAIL_IDENTITY,
  MailIdentity,
  sessionUid,
  slotSummary,
  uuid,
  webLink,
} from '@overlegtafels/mail';
import { mailPlaceOf } from '../agenda-mailing/mail-place.util';
import { ListObligationDueDatesUseCase } from '../list-obligation-due-dates/list-obligation-due-dates.usecase';
import { AuditLog } from '../ports/audit-log.port';
import { CalendarFeedStatus, CalendarFeedTokens } from '../ports/calendar-feed.repository.port';
import { CalendarReminders } from '../ports/calendar-reminders.port';
import { AgendaService } from '../agenda/agenda.service';
import { TableCalendarService } from '../table-calendar/table-calendar.service';
import { CalendarFeedCommand } from './calendar-feed.command';

const FEED_WEEKS = 26;

/** 32 random bytes, base64url (see RenewCalendarFeedUseCase): what the URL carries. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/**
 * A person's own calendar subscription: the upcoming sessions of the tables they sit at, for
 * Outlook, Google or Apple. The secret token in the URL is the only credential, so it is shown
 * once, stored hashed, and can be revoked or renewed at any time.
 */
@Injectable()
export class CalendarFeedUseCase {
  constructor(
    @Inject(CalendarFeedTokens) private readonly feeds: CalendarFeedTokens,
    @Inject(TableCalendarService) private readonly tables: TableCalendarService,
    @Inject(AgendaService) private readonly agenda: Pick<AgendaService, 'materializeSessions'>,
    @Inject(MAIL_IDENTITY) private readonly identity: MailIdentity,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(AuditLog) private readonly audit: AuditLog,
    @Inject(CalendarReminders) private readonly reminders: CalendarReminders,
    // Present where ObligationsModule is imported (the api): the feed then carries due dates too.
    @Optional()
    @Inject(ListObligationDueDatesUseCase)
    private readonly obligations: ListObligationDueDatesUseCase | null,
  ) {}

  status(personId: string): Promise<CalendarFeedStatus | undefined> {
    return this.feeds.active(personId);
  }

  /** The feed for a token, or undefined for anything unknown or revoked (the caller says 404, nothing more). */
  async feed({ token }: CalendarFeedCommand): Promise<string | undefined> {
    if (!TOKEN_PATTERN.test(token)) return undefined;
    const owner = await this.feeds.findActiveByHash(hashToken(token));
    if (!owner) return undefined;
    // The feed is of the owner's region (a public route: no session put the request in one); a
    // person of a region this installation does not serve has no feed here.
    if (!this.config.regions.includes(owner.regionKey)) return undefined;
    return inRegion(owner.regionKey, () => this.feedOf(owner));
  }

  private async feedOf(owner: { id: string; personId: string }): Promise<string> {
    const now = this.clock.now();
    const known = new Set(this.tables.region.tables.map((t) => t.key));
    const tableKeys = (await this.feeds.tableKeysFor(owner.personId, this.tables.region.key)).filter((k) =>
      known.has(k),
    );
    const entries: FeedEntry[] = [];
    for (const key of tableKeys) {
      const table = this.tables.table(key);
      const from = DateTime.fromJSDate(now, { zone: table.timeZone }).startOf('day');
      // Table and region names only: a feed never carries case data.
      const summary = `${table.name} – ${this.tables.region.name}`;
      // The stored sessions, so that the feed names each one as its invitations do: the same UID
      // (from the session's id, kept across moves) and the same SEQUENCE; a session moved and then
      // cancelled is one entry, at its last time, cancelled.
      const rows = await this.agenda.materializeSessions(
        key,
        from.toMillis(),
        from.plus({ weeks: FEED_WEEKS }).toMillis(),
        { withCancelled: true },
      );
      for (const row of rows) {
        const cancelled = row.status === 'cancelled';
        const where = mailPlaceOf(row, table);
        entries.push({
          ...where,
          uid: sessionUid(uuid(row.id), this.identity.uidHost),
          sequence: row.icsSequence,
          start: DateTime.fromJSDate(row.startsAt, { zone: table.timeZone }),
          end: DateTime.fromJSDate(row.endsAt, { zone: table.timeZone }),
          summary: cancelled ? `Geannuleerd: ${summary}` : summary,
          cancelled,
        });
      }
    }
    entries.push(...(await this.slots(owner.personId, now)));
    entries.sort((a, b) => a.start.toMillis() - b.start.toMillis());
    const dueDates = await this.dueDates(owner.personId, now);
    await this.feeds.markUsed(owner.id, now);
    return calendarFeed({
      name: `Overlegtafels ${this.tables.region.name}`,
      organizer: this.identity.sender,
      stamp: DateTime.fromJSDate(now),
      entries,
      dueDates,
      // The subscriber's own reminder, as their invitations carry it.
      alarmMinutes: await this.reminders.of(owner.personId),
    });
  }

  /**
   * The subscriber's own slots (an aanmelder's, a casusregisseur's, a guest's agendapunt): the
   * entry their slot invitation made, under its UID, with the SEQUENCE and STATUS of the last one
   * they received, at the slot's current time (the item's session now, after any move). A slot
   * whose last invitation was a CANCEL stays in the feed as CANCELLED, once, as a cancelled session
   * does: a PUBLISH feed has no CANCEL message, and clients that keep what they once read from a
   * subscription (Outlook, Apple) then strike the entry through instead of keeping a stale one,
   * while the others simply show it cancelled. A withdrawn item shows the same way. Codes and labels
   * only, as in the invitation; the read is audited under the owner, once per dossier.
   */
  private async slots(personId: string, now: Date): Promise<FeedEntry[]> {
    const records = await this.feeds.slotsFor(personId, this.tables.region.key);
    const known = new Set(this.tables.region.tables.map((t) => t.key));
    const entries: { entry: FeedEntry; dossierId: string }[] = [];
    for (const slot of records) {
      if (!known.has(slot.tableKey)) continue;
      const table = this.tables.table(slot.tableKey);
      // As the invitation (AgendaMailWriter.slotOf): an item without slot times stands at the
      // session's start, for its duration.
      const startsAt = slot.slotStart ?? slot.session.startsAt;
      const endsAt = slot.slotEnd ?? new Date(startsAt.getTime() + slot.durationMinutes * 60_000);
      const from = DateTime.fromJSDate(now, { zone: table.timeZone }).startOf('day');
      if (
        endsAt.getTime() <= from.toMillis() ||
        startsAt.getTime() >= from.plus({ weeks: FEED_WEEKS }).toMillis()
      )
        continue;
      const cancelled = slot.method === 'CANCEL' || slot.withdrawn;
      const itemType = table.itemTypes.find((t) => t.key === slot.itemType)?.label ?? slot.itemType;
      const summary = slotSummary(label(table.name), {
        dossier: dossierCode(slot.dossierCode),
        itemType: label(itemType),
      });
      entries.push({
        dossierId: slot.dossierId,
        entry: {
          ...mailPlaceOf(slot.session, table),
          uid: guestSlotUid(uuid(slot.agendaItemId), this.identity.uidHost),
          sequence: slot.sequence,
          start: DateTime.fromJSDate(startsAt, { zone: table.timeZone }),
          end: DateTime.fromJSDate(endsAt, { zone: table.timeZone }),
          summary: cancelled ? `Geannuleerd: ${summary}` : summary,
          cancelled,
          tentative: !cancelled && slot.tentative,
        },
      });
    }
    for (const dossierId of new Set(entries.map((e) => e.dossierId))) {
      await this.audit.append(
        {
          actorPersonId: personId,
          action: 'slot.feed',
          entityType: 'calendar-feed',
          entityId: null,
          dossierId,
          route: 'GET /calendar/:token.ics',
          outcome: 'allowed',
          details: { slots: entries.filter((e) => e.dossierId === dossierId).length },
        },
        now,
      );
    }
    return entries.map((e) => e.entry);
  }

  /**
   * The subscriber's open follow-up obligations as all-day entries on their due dates (see
   * calendarFeed for why not VTODO). The client fetches on its own, so the read is audited under
   * the feed's owner, once per dossier it shows.
   */
  private async dueDates(personId: string, now: Date): Promise<FeedDueDate[]> {
    if (!this.obligations) return [];
    const open = await this.obligations.execute({ personId });
    const link = webLink(`${this.config.publicUrl}/opvolging`);
    for (const dossierId of new Set(open.map((o) => o.dossierId))) {
      await this.audit.append(
        {
          actorPersonId: personId,
          action: 'obligation.feed',
          entityType: 'calendar-feed',
          entityId: null,
          dossierId,
          route: 'GET /calendar/:token.ics',
          outcome: 'allowed',
          details: { obligations: open.filter((o) => o.dossierId === dossierId).length },
        },
        now,
      );
    }
    return open.map((o) => ({
      uid: feedObligationUid(o.id, this.identity.uidHost),
      dossier: dossierCode(o.dossierCode),
      date: o.date,
      url: link,
    }));
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { isAgendaSent, TableDefinition } from '@overlegtafels/domain';
import type { Transaction } from '../ports/unit-of-work.port';
import { AgendaItemMove, AgendaNotifier } from '../agenda/agenda-notifier';
import { AgendaMailWriter, OutboxBatch, personRecipient, sameAddress } from './agenda-mail.writer';
import { AgendaMailing, MailingItem } from '../ports/agenda-mailing.port';
import { AgendaSessionRepository, SessionRecord } from '../ports/agenda-session.repository.port';
import { SessionTimingService } from './session-timing.service';

/**
 * Tells people what changed in an agenda they were told about. Who holds a calendar entry is read
 * from the outbox (the last invitation they got for it was a REQUEST): they get an update with the
 * next SEQUENCE, or a METHOD:CANCEL. Submitters who hold no entry get a plain mail. Everything is
 * written with the caller's transaction; the caller enqueues the returned ids after its commit
 * (AgendaMailDispatcher.dispatch).
 */
@Injectable()
export class AgendaMailingNotifier implements AgendaNotifier {
  constructor(
    @Inject(AgendaMailing) private readonly repo: AgendaMailing,
    @Inject(AgendaSessionRepository)
    private readonly sessions: Pick<
      AgendaSessionRepository,
      'session' | 'nextOpenSession' | 'bumpSessionSequence'
    >,
    @Inject(AgendaMailWriter) private readonly writer: AgendaMailWriter,
    @Inject(SessionTimingService) private readonly timing: SessionTimingService,
  ) {}

  async itemsMoved(
    tx: Transaction,
    moves: readonly AgendaItemMove[],
    reason: string | null,
  ): Promise<string[]> {
    const batch = new OutboxBatch(tx);
    const changedAgendas = new Map<string, SessionRecord>();
    for (const move of moves) {
      // A new item was never told anything here (its "received" mail is the submission's).
      if (!move.fromSessionId) continue;
      const sessionChanged = move.fromSessionId !== move.toSessionId;
      const slotChanged = move.fromSlotStart?.getTime() !== move.toSlotStart?.getTime();
      if (!sessionChanged && !slotChanged) continue;
      // Sequential: inside the transaction these share one connection.
      const item = await this.repo.item(tx, move.itemId);
      const from = await this.sessions.session(move.fromSessionId, tx);
      const to = await this.sessions.session(move.toSessionId, tx);
      const table = to && this.timing.findTable(to.tableKey);
      if (!item || !from || !to || !table) continue;
      for (const s of [from, to]) if (isAgendaSent(s)) changedAgendas.set(s.id, s);

      const holders = await this.repo.entryHolders(tx, { agendaItemId: item.id });
      const submitter = item.submittedBy;
      const tellSubmitter =
        sessionChanged && submitter.active && !holders.some((h) => sameAddress(h, submitter));
      if (!holders.length && !tellSubmitter) continue;
      const sequence = await this.repo.bumpItemSequence(tx, item.id);
      const current: MailingItem = { ...item, icsSequence: sequence };
      for (const holder of holders) {
        if (sessionChanged) {
          await this.writer.itemMoved(batch, from, to, table, current, holder, reason, sequence);
        } else {
          await this.writer.slotInvitation(batch, to, table, current, holder, sequence);
        }
      }
      if (tellSubmitter) {
        await this.writer.itemMoved(
          batch,
          from,
          to,
          table,
          current,
          personRecipient(submitter),
          reason,
          undefined,
        );
      }
    }
    for (const session of changedAgendas.values()) await this.agendaChanged(tx, batch, session);
    return this.write(tx, batch);
  }

  async sessionCancelled(tx: Transaction, sessionId: string, reason: string): Promise<string[]> {
    const batch = new OutboxBatch(tx);
    const session = await this.sessions.session(sessionId, tx);
    const table = session && this.timing.findTable(session.tableKey);
    if (!session || !table) return [];
    const next = await this.sessions.nextOpenSession(
      tx,
      session.regionId,
      session.tableKey,
      session.startsAt,
    );
    const told: { email: string }[] = [];

    const holders = await this.repo.entryHolders(tx, { sessionId });
    // Raised whoever holds an invitation: the subscribed feeds show the cancellation with it.
    const sequence = await this.sessions.bumpSessionSequence(tx, sessionId);
    if (holders.length) {
      for (const holder of holders) {
        await this.writer.sessionCancelled(batch, session, table, holder, {
          reason,
          next,
          cancel: { sequence },
        });
        told.push(holder);
      }
    }
    const onIt = await this.repo.itemsOn(tx, sessionId);
    // Slots still on the cancelled session disappear from the guests' calendars; slots already
    // carried to a later session were moved (itemsMoved), not cancelled.
    for (const item of onIt) {
      const slotHolders = await this.repo.entryHolders(tx, { agendaItemId: item.id });
      if (!slotHolders.length) continue;
      const sequence = await this.repo.bumpItemSequence(tx, item.id);
      for (const holder of slotHolders) {
        await this.writer.sessionCancelled(batch, session, table, holder, {
          reason,
          next,
          cancel: { sequence, item: { ...item, icsSequence: sequence } },
        });
        told.push(holder);
      }
    }
    // Whoever has an item on it and was not told through a cancelled invitation. Items already
    // carried to a later session were told by itemsMoved (call it before this, in the same
    // transaction), with the reason.
    for (const item of onIt) {
      const submitter = item.submittedBy;
      if (!submitter.active || told.some((t) => sameAddress(t, submitter))) continue;
      await this.writer.sessionCancelled(batch, session, table, personRecipient(submitter), { reason, next });
      told.push(submitter);
    }
    return this.write(tx, batch);
  }

  async sessionMoved(tx: Transaction, sessionId: string, reason: string): Promise<string[]> {
    const batch = new OutboxBatch(tx);
    const session = await this.sessions.session(sessionId, tx);
    const table = session && this.timing.findTable(session.tableKey);
    if (!session || !table) return [];
    // A new time is a change every calendar shows, invitation or subscribed feed: the SEQUENCE
    // rises once for it (agendaChanged raises it for the invitations it sends).
    if (!(await this.agendaChanged(tx, batch, session)))
      await this.sessions.bumpSessionSequence(tx, session.id);
    const before: SessionRecord = {
      ...session,
      startsAt: session.movedFromStartsAt ?? session.scheduledStart,
    };
    for (const item of await this.repo.itemsOn(tx, sessionId)) {
      const holders = await this.repo.entryHolders(tx, { agendaItemId: item.id });
      const submitter = item.submittedBy;
      const tellSubmitter = submitter.active && !holders.some((h) => sameAddress(h, submitter));
      const sequence = await this.repo.bumpItemSequence(tx, item.id);
      const current: MailingItem = { ...item, icsSequence: sequence };
      for (const holder of holders) {
        await this.writer.itemMoved(batch, before, session, table, current, holder, reason, sequence);
      }
      if (tellSubmitter) {
        await this.writer.itemMoved(
          batch,
          before,
          session,
          table,
          current,
          personRecipient(submitter),
          reason,
          undefined,
        );
      }
    }
    return this.write(tx, batch);
  }

  /**
   * Another place or online link is a change every calendar shows: as for a move, the session's
   * SEQUENCE rises once (agendaChanged raises it for the invitations it re-sends, else it is raised
   * for the subscribed feeds), and every slot invitation on it is re-sent with its next SEQUENCE.
   */
  async sessionPlaceChanged(tx: Transaction, sessionId: string): Promise<string[]> {
    const batch = new OutboxBatch(tx);
    const session = await this.sessions.session(sessionId, tx);
    const table = session && this.timing.findTable(session.tableKey);
    if (!session || !table) return [];
    if (!(await this.agendaChanged(tx, batch, session)))
      await this.sessions.bumpSessionSequence(tx, session.id);
    for (const item of await this.repo.itemsOn(tx, sessionId)) {
      const holders = await this.repo.entryHolders(tx, { agendaItemId: item.id });
      if (!holders.length) continue;
      const sequence = await this.repo.bumpItemSequence(tx, item.id);
      const current: MailingItem = { ...item, icsSequence: sequence };
      for (const holder of holders) {
        await this.writer.slotInvitation(batch, session, table, current, holder, sequence);
      }
    }
    return this.write(tx, batch);
  }

  /** The changed agenda, with the session's updated invitation, to everyone who holds it. */
  /** Whether it sent (and so raised the SEQUENCE). */
  private async agendaChanged(tx: Transaction, batch: OutboxBatch, session: SessionRecord): Promise<boolean> {
    const table: TableDefinition | undefined = this.timing.findTable(session.tableKey);
    const holders = await this.repo.entryHolders(tx, { sessionId: session.id });
    if (!table || !holders.length) return false;
    const sequence = await this.sessions.bumpSessionSequence(tx, session.id);
    const current = { ...session, icsSequence: sequence };
    const items = await this.repo.itemsOn(tx, session.id);
    await this.writer.agendaToMembers(batch, current, table, items, holders, sequence, true);
    return true;
  }

  private async write(tx: Transaction, batch: OutboxBatch): Promise<string[]> {
    return (await this.repo.addOutbox(tx, batch.messages)).map((r) => r.id);
  }
}

import { Inject, Injectable, Logger } from '@nestjs/common';
import { freezeSession, TableDefinition } from '@overlegtafels/domain';
import { JOBS } from '@overlegtafels/queues';
import { AgendaSessionRepository, type SessionRecord } from '../ports/agenda-session.repository.port';
import { Clock, CLOCK } from '@overlegtafels/config';
import { AgendaMailDispatcher } from '../agenda-mailing/agenda-mail.dispatcher';
import {
  AgendaMailWriter,
  OutboxBatch,
  personRecipient,
  sameAddress,
} from '../agenda-mailing/agenda-mail.writer';
import { AGENDA_MAIL } from '../agenda-mailing/agenda-mail-keys';
import { AgendaJobsPlanner } from '../agenda-mailing/agenda-jobs.planner';
import { SessionTimingService } from '../agenda-mailing/session-timing.service';
import { AgendaMailing, type MailingItem } from '../ports/agenda-mailing.port';
import type { PendingMail } from '../ports/mail-outbox.port';
import { type Transaction, UnitOfWork } from '../ports/unit-of-work.port';
import { FreezeSessionCommand } from './freeze-session.command';

export type FreezeOutcome = 'frozen' | 'not-planned' | 'missing' | 'stale';

export interface FreezeOptions {
  /**
   * When the agenda goes out in the same transaction: who gets the slot's invitation with it. A
   * submitter among them hears it there (one mail), not in a confirmation besides.
   */
  readonly invitedToSlot?: (item: MailingItem) => readonly { email: string }[];
}

/** What a freeze inside a transaction did, and the outbox rows to enqueue after its commit. */
export interface FreezeResult {
  readonly outcome: FreezeOutcome;
  readonly mails: PendingMail[];
}

/**
 * The agenda becomes definitive: the session goes from planned to frozen (its order and slot
 * times are no longer re-allocated), whoever submitted an item on it hears that the slot is
 * confirmed, and whoever submitted an item that rolled on to a later session hears where it went.
 * Idempotent: only a planned session is frozen, and every mail has its idempotency key.
 */
@Injectable()
export class FreezeSessionUseCase {
  private readonly logger = new Logger(FreezeSessionUseCase.name);

  constructor(
    @Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork,
    @Inject(AgendaSessionRepository) private readonly sessions: AgendaSessionRepository,
    @Inject(AgendaMailing) private readonly mailing: AgendaMailing,
    @Inject(AgendaMailWriter) private readonly writer: AgendaMailWriter,
    @Inject(AgendaMailDispatcher) private readonly dispatcher: Pick<AgendaMailDispatcher, 'enqueue'>,
    @Inject(SessionTimingService) private readonly timing: Pick<SessionTimingService, 'findTable'>,
    @Inject(AgendaJobsPlanner) private readonly planner: Pick<AgendaJobsPlanner, 'isCurrent'>,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The freeze job: does nothing when the session moved or was cancelled since it was planned. */
  async execute({ sessionId, plannedAtMs }: FreezeSessionCommand): Promise<FreezeOutcome> {
    if (!(await this.planner.isCurrent(JOBS.agenda.freeze, sessionId, plannedAtMs))) {
      this.logger.log(`freeze job for session ${sessionId} at ${plannedAtMs} is stale; nothing to do`);
      return 'stale';
    }
    return this.freezeNow(sessionId);
  }

  /** Freezes now (the job, or a coordinator's button) and enqueues the mails after the commit. */
  async freezeNow(sessionId: string): Promise<FreezeOutcome> {
    const result = await this.unitOfWork.run((tx) => this.freezeWithin(tx, sessionId));
    await this.dispatcher.enqueue(result.mails);
    if (result.outcome === 'frozen') {
      this.logger.log(`session ${sessionId} frozen (${result.mails.length} mails)`);
    }
    return result.outcome;
  }

  /**
   * The freeze inside the caller's transaction (the agenda send freezes first when it comes at
   * the same moment). Returns the outbox rows to enqueue after the commit.
   */
  async freezeWithin(tx: Transaction, sessionId: string, options: FreezeOptions = {}): Promise<FreezeResult> {
    const before = await this.sessions.session(sessionId, tx);
    if (!before) return { outcome: 'missing', mails: [] };
    const table = this.timing.findTable(before.tableKey);
    if (!table) return { outcome: 'missing', mails: [] };
    await this.sessions.lockTable(tx, before.regionId, before.tableKey);
    const session = await this.sessions.lockSession(tx, sessionId);
    const step = session && freezeSession(session);
    if (!session || !step?.ok) return { outcome: 'not-planned', mails: [] };
    const now = this.clock.now();
    if (!(await this.sessions.freeze(tx, session.id, now))) return { outcome: 'not-planned', mails: [] };
    const frozen: SessionRecord = { ...session, status: step.status, frozenAt: now };
    const batch = new OutboxBatch(tx);
    await this.confirmSlots(tx, batch, frozen, table, options.invitedToSlot ?? (() => []));
    await this.tellRolledOut(tx, batch, frozen, table);
    return { outcome: 'frozen', mails: await this.mailing.addOutbox(tx, batch.messages) };
  }

  private async confirmSlots(
    tx: Transaction,
    batch: OutboxBatch,
    session: SessionRecord,
    table: TableDefinition,
    invitedToSlot: NonNullable<FreezeOptions['invitedToSlot']>,
  ): Promise<void> {
    for (const item of await this.mailing.itemsOn(tx, session.id)) {
      // Whoever holds a provisional entry for the slot gets it confirmed (same UID, next SEQUENCE).
      const holders = await this.mailing.entryHolders(tx, { agendaItemId: item.id });
      const sequence = holders.length ? await this.mailing.bumpItemSequence(tx, item.id) : undefined;
      const current = { ...item, icsSequence: sequence ?? item.icsSequence };
      for (const holder of holders) {
        await this.writer.slotConfirmed(batch, session, table, current, holder, sequence);
      }
      const submitter = item.submittedBy;
      const invited = invitedToSlot(item).some((r) => sameAddress(r, submitter));
      if (submitter.active && !invited && !holders.some((h) => sameAddress(h, submitter))) {
        await this.writer.slotConfirmed(
          batch,
          session,
          table,
          current,
          personRecipient(submitter),
          undefined,
        );
      }
    }
  }

  private async tellRolledOut(
    tx: Transaction,
    batch: OutboxBatch,
    session: SessionRecord,
    table: TableDefinition,
  ): Promise<void> {
    for (const item of await this.mailing.rolledOutOf(tx, session.id)) {
      const target = await this.sessions.session(item.sessionId, tx);
      if (!target) continue;
      const told = (email: string) =>
        this.mailing.hasMailAbout(tx, {
          agendaItemId: item.id,
          sessionId: target.id,
          email,
          purposes: [AGENDA_MAIL.itemMoved, AGENDA_MAIL.slotInvitation],
        });
      const holders = [];
      for (const h of await this.mailing.entryHolders(tx, { agendaItemId: item.id })) {
        if (!(await told(h.email))) holders.push(h);
      }
      const submitter = item.submittedBy;
      const tellSubmitter =
        submitter.active && !holders.some((h) => sameAddress(h, submitter)) && !(await told(submitter.email));
      if (!holders.length && !tellSubmitter) continue;
      // A move is a change: the next SEQUENCE, which also keeps each move's mails apart.
      const sequence = await this.mailing.bumpItemSequence(tx, item.id);
      const current = { ...item, icsSequence: sequence };
      for (const holder of holders) {
        await this.writer.itemMoved(batch, session, target, table, current, holder, null, sequence);
      }
      if (tellSubmitter) {
        await this.writer.itemMoved(
          batch,
          session,
          target,
          table,
          current,
          personRecipient(submitter),
          null,
          undefined,
        );
      }
    }
  }
}

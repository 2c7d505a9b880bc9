import { Inject, Injectable, Logger } from '@nestjs/common';
import { freezeSession, TableDefinition } from '@overlegtafels/domain';
import { JOBS } from '@overlegtafels/queues';
import { AgendaMailingRepository, MailingSession, Transaction } from '@overlegtafels/persistence';
import { Clock, CLOCK } from '@overlegtafels/config';
import { AgendaMailDispatcher } from './agenda-mail.dispatcher';
import { AgendaMailWriter, OutboxBatch, personRecipient, sameAddress } from './agenda-mail.writer';
import { AGENDA_MAIL } from './agenda-mail-keys';
import { AgendaJobsPlanner } from './agenda-jobs.planner';
import { SessionTimingService } from './session-timing.service';
import { AgendaSessionRepository } from '../ports/agenda-session.repository.port';

export type FreezeOutcome = 'frozen' | 'not-planned' | 'missing' | 'stale';

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
    @Inject(AgendaMailingRepository) private readonly repo: AgendaMailingRepository,
    @Inject(AgendaSessionRepository) private readonly sessions: AgendaSessionRepository,
    @Inject(AgendaMailWriter) private readonly writer: AgendaMailWriter,
    @Inject(AgendaMailDispatcher) private readonly dispatcher: AgendaMailDispatcher,
    @Inject(SessionTimingService) private readonly timing: SessionTimingService,
    @Inject(AgendaJobsPlanner) private readonly planner: AgendaJobsPlanner,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The freeze job: does nothing when the session moved or was cancelled since it was planned. */
  async runScheduled(sessionId: string, plannedAtMs: number): Promise<FreezeOutcome> {
    if (!(await this.planner.isCurrent(JOBS.agenda.freeze, sessionId, plannedAtMs))) {
      this.logger.log(`freeze job for session ${sessionId} at ${plannedAtMs} is stale; nothing to do`);
      return 'stale';
    }
    return this.execute(sessionId);
  }

  /** Freezes now (the job, or a coordinator's button) and enqueues the mails after the commit. */
  async execute(sessionId: string): Promise<FreezeOutcome> {
    const result = await this.repo.transaction((tx) => this.freezeInTransaction(tx, sessionId));
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
  async freezeInTransaction(
    tx: Transaction,
    sessionId: string,
  ): Promise<{ outcome: FreezeOutcome; mails: { id: string; idempotencyKey: string }[] }> {
    const before = await this.repo.session(sessionId, tx);
    if (!before) return { outcome: 'missing', mails: [] };
    const table = this.timing.findTable(before.tableKey);
    if (!table) return { outcome: 'missing', mails: [] };
    await this.repo.lockTable(tx, before.regionId, before.tableKey);
    const session = await this.repo.lockSession(tx, sessionId);
    const step = session && freezeSession(session);
    if (!session || !step?.ok) return { outcome: 'not-planned', mails: [] };
    const now = this.clock.now();
    await this.sessions.freeze(tx, session.id, now);
    const frozen: MailingSession = { ...session, status: step.status, frozenAt: now };
    const batch = new OutboxBatch();
    await this.confirmSlots(tx, batch, frozen, table);
    await this.tellRolledOut(tx, batch, frozen, table);
    return { outcome: 'frozen', mails: await this.repo.addOutbox(tx, batch.messages) };
  }

  private async confirmSlots(
    tx: Transaction,
    batch: OutboxBatch,
    session: MailingSession,
    table: TableDefinition,
  ): Promise<void> {
    for (const item of await this.repo.itemsOn(tx, session.id)) {
      // Whoever holds a provisional entry for the slot gets it confirmed (same UID, next SEQUENCE).
      const holders = await this.repo.entryHolders(tx, { agendaItemId: item.id });
      const sequence = holders.length ? await this.repo.bumpItemSequence(tx, item.id) : undefined;
      const current = { ...item, icsSequence: sequence ?? item.icsSequence };
      for (const holder of holders) {
        await this.writer.slotConfirmed(batch, session, table, current, holder, sequence);
      }
      const submitter = item.submittedBy;
      if (submitter.active && !holders.some((h) => sameAddress(h, submitter))) {
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
    session: MailingSession,
    table: TableDefinition,
  ): Promise<void> {
    for (const item of await this.repo.rolledOutOf(tx, session.id)) {
      const target = await this.repo.session(item.sessionId, tx);
      if (!target) continue;
      const told = (email: string) =>
        this.repo.hasMailAbout(tx, {
          agendaItemId: item.id,
          sessionId: target.id,
          email,
          purposes: [AGENDA_MAIL.itemMoved, AGENDA_MAIL.slotInvitation],
        });
      const holders = [];
      for (const h of await this.repo.entryHolders(tx, { agendaItemId: item.id })) {
        if (!(await told(h.email))) holders.push(h);
      }
      const submitter = item.submittedBy;
      const tellSubmitter =
        submitter.active && !holders.some((h) => sameAddress(h, submitter)) && !(await told(submitter.email));
      if (!holders.length && !tellSubmitter) continue;
      // A move is a change: the next SEQUENCE, which also keeps each move's mails apart.
      const sequence = await this.repo.bumpItemSequence(tx, item.id);
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

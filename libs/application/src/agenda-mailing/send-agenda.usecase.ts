import { Inject, Injectable, Logger } from '@nestjs/common';
import { sendAgenda } from '@overlegtafels/domain';
import { JOBS } from '@overlegtafels/queues';
import { AgendaMailingRepository, MailingSession } from '@overlegtafels/persistence';
import { CLOCK, Clock } from '@overlegtafels/config';
import { AgendaMailDispatcher } from './agenda-mail.dispatcher';
import { AgendaMailWriter, OutboxBatch, personRecipient, slotRecipients } from './agenda-mail.writer';
import { AgendaJobsPlanner } from './agenda-jobs.planner';
import { FreezeSessionUseCase } from './freeze-session.usecase';
import { SessionTimingService } from './session-timing.service';
import { AgendaSessionRepository } from '../ports/agenda-session.repository.port';

export type SendAgendaOutcome = 'sent' | 'not-due' | 'missing' | 'stale';

/**
 * The agenda goes out: every standing member of the table gets the agenda with the session's
 * invitation, every guest of an item and the dossier's casusregisseur an invitation for that slot
 * only. One transaction writes the session's new status and every outbox row; the mail jobs are
 * enqueued after the commit. A session that is still planned is frozen first, in the same
 * transaction (tables whose freeze and send coincide).
 */
@Injectable()
export class SendAgendaUseCase {
  private readonly logger = new Logger(SendAgendaUseCase.name);

  constructor(
    @Inject(AgendaMailingRepository) private readonly repo: AgendaMailingRepository,
    @Inject(AgendaSessionRepository) private readonly sessions: AgendaSessionRepository,
    @Inject(AgendaMailWriter) private readonly writer: AgendaMailWriter,
    @Inject(AgendaMailDispatcher) private readonly dispatcher: AgendaMailDispatcher,
    @Inject(FreezeSessionUseCase) private readonly freeze: FreezeSessionUseCase,
    @Inject(SessionTimingService) private readonly timing: SessionTimingService,
    @Inject(AgendaJobsPlanner) private readonly planner: AgendaJobsPlanner,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The send job: does nothing when the session moved or was cancelled since it was planned. */
  async runScheduled(sessionId: string, plannedAtMs: number): Promise<SendAgendaOutcome> {
    if (!(await this.planner.isCurrent(JOBS.agenda.send, sessionId, plannedAtMs))) {
      this.logger.log(`send job for session ${sessionId} at ${plannedAtMs} is stale; nothing to do`);
      return 'stale';
    }
    return this.execute(sessionId);
  }

  async execute(sessionId: string): Promise<SendAgendaOutcome> {
    const result = await this.repo.transaction(async (tx) => {
      const mails: { id: string; idempotencyKey: string }[] = [];
      const frozen = await this.freeze.freezeInTransaction(tx, sessionId);
      if (frozen.outcome === 'missing') return { outcome: 'missing' as const, mails };
      mails.push(...frozen.mails);
      // The freeze took the table's lock and the session's row lock; both hold until the commit.
      const session = await this.repo.lockSession(tx, sessionId);
      const table = session && this.timing.findTable(session.tableKey);
      const step = session && sendAgenda(session);
      if (!session || !table || !step?.ok) return { outcome: 'not-due' as const, mails };
      const now = this.clock.now();
      await this.sessions.markSent(tx, session.id, now);
      const sent: MailingSession = { ...session, status: step.status, sentAt: now };
      const items = await this.repo.itemsOn(tx, session.id);
      const members = await this.repo.standingMembers(tx, session.regionId, session.tableKey);
      const batch = new OutboxBatch();
      await this.writer.agendaToMembers(
        batch,
        sent,
        table,
        items,
        members.map(personRecipient),
        sent.icsSequence,
        false,
      );
      for (const item of items) {
        for (const guest of slotRecipients(item, members)) {
          await this.writer.slotInvitation(batch, sent, table, item, guest, item.icsSequence);
        }
      }
      mails.push(...(await this.repo.addOutbox(tx, batch.messages)));
      return { outcome: 'sent' as const, mails };
    });
    await this.dispatcher.enqueue(result.mails);
    if (result.outcome === 'sent')
      this.logger.log(`agenda of session ${sessionId} sent (${result.mails.length} mails)`);
    return result.outcome;
  }
}

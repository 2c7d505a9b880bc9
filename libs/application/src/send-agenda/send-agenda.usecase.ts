import { Inject, Injectable, Logger } from '@nestjs/common';
import { sendAgenda } from '@overlegtafels/domain';
import { JOBS } from '@overlegtafels/queues';
import { AgendaSessionRepository, type SessionRecord } from '../ports/agenda-session.repository.port';
import { CLOCK, Clock } from '@overlegtafels/config';
import { AgendaMailDispatcher } from '../agenda-mailing/agenda-mail.dispatcher';
import {
  AgendaMailWriter,
  OutboxBatch,
  personRecipient,
  slotRecipients,
} from '../agenda-mailing/agenda-mail.writer';
import { AgendaJobsPlanner } from '../agenda-mailing/agenda-jobs.planner';
import { SessionTimingService } from '../agenda-mailing/session-timing.service';
import { FreezeSessionUseCase } from '../freeze-session/freeze-session.usecase';
import { AgendaMailing } from '../ports/agenda-mailing.port';
import type { PendingMail } from '../ports/mail-outbox.port';
import { type Transaction, UnitOfWork } from '../ports/unit-of-work.port';
import { SendAgendaCommand } from './send-agenda.command';

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
    @Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork,
    @Inject(AgendaSessionRepository) private readonly sessions: AgendaSessionRepository,
    @Inject(AgendaMailing) private readonly mailing: AgendaMailing,
    @Inject(AgendaMailWriter) private readonly writer: AgendaMailWriter,
    @Inject(AgendaMailDispatcher) private readonly dispatcher: Pick<AgendaMailDispatcher, 'enqueue'>,
    @Inject(FreezeSessionUseCase) private readonly freeze: Pick<FreezeSessionUseCase, 'freezeWithin'>,
    @Inject(SessionTimingService) private readonly timing: Pick<SessionTimingService, 'findTable'>,
    @Inject(AgendaJobsPlanner) private readonly planner: Pick<AgendaJobsPlanner, 'isCurrent'>,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The send job: does nothing when the session moved or was cancelled since it was planned. */
  async execute({ sessionId, plannedAtMs }: SendAgendaCommand): Promise<SendAgendaOutcome> {
    if (!(await this.planner.isCurrent(JOBS.agenda.send, sessionId, plannedAtMs))) {
      this.logger.log(`send job for session ${sessionId} at ${plannedAtMs} is stale; nothing to do`);
      return 'stale';
    }
    return this.sendNow(sessionId);
  }

  /** Sends now, freezing first when still planned; the mail jobs are enqueued after the commit. */
  async sendNow(sessionId: string): Promise<SendAgendaOutcome> {
    const result = await this.unitOfWork.run((tx) => this.sendWithin(tx, sessionId));
    await this.dispatcher.enqueue(result.mails);
    if (result.outcome === 'sent') {
      this.logger.log(`agenda of session ${sessionId} sent (${result.mails.length} mails)`);
    }
    return result.outcome;
  }

  private async sendWithin(
    tx: Transaction,
    sessionId: string,
  ): Promise<{ outcome: SendAgendaOutcome; mails: PendingMail[] }> {
    const mails: PendingMail[] = [];
    const frozen = await this.freeze.freezeWithin(tx, sessionId);
    if (frozen.outcome === 'missing') return { outcome: 'missing', mails };
    mails.push(...frozen.mails);
    // The freeze took the table's lock and the session's row lock; both hold until the commit.
    const session = await this.sessions.lockSession(tx, sessionId);
    const table = session && this.timing.findTable(session.tableKey);
    const step = session && sendAgenda(session);
    if (!session || !table || !step?.ok) return { outcome: 'not-due', mails };
    const now = this.clock.now();
    if (!(await this.sessions.markSent(tx, session.id, now))) return { outcome: 'not-due', mails };
    const sent: SessionRecord = { ...session, status: step.status, sentAt: now };
    const items = await this.mailing.itemsOn(tx, session.id);
    const members = await this.mailing.standingMembers(tx, session.regionId, session.tableKey);
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
    mails.push(...(await this.mailing.addOutbox(tx, batch.messages)));
    return { outcome: 'sent', mails };
  }
}

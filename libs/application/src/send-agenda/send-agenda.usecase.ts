import { Inject, Injectable, Logger } from '@nestjs/common';
import { agendaRecipients, emptyAgendaStep, sendAgenda } from '@overlegtafels/domain';
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

export type SendAgendaOutcome = 'sent' | 'empty' | 'confirm-first' | 'not-due' | 'missing' | 'stale';

/** Who sends: the job at the send moment, or a coordinator now (who may keep an empty agenda). */
export interface SendOptions {
  readonly by: 'schedule' | 'coordinator';
  /** The coordinator confirmed that a session without items is kept: send it as a meeting. */
  readonly keepEmpty?: boolean;
}

/** What a send inside a transaction did, and the outbox rows to enqueue after its commit. */
export interface SendResult {
  readonly outcome: SendAgendaOutcome;
  readonly mails: PendingMail[];
}

/**
 * The agenda goes out: every standing member of the table gets the agenda with the session's
 * invitation, every guest of an item and the dossier's casusregisseur an invitation for that slot
 * only (agendaRecipients). One transaction writes the session's new status and every outbox row;
 * the mail jobs are enqueued after the commit. A session that is still planned is frozen first, in
 * the same transaction (tables whose freeze and send coincide).
 *
 * An agenda without items is not sent as a meeting (issue #15): at the send moment the table's
 * coordinators get the empty-agenda mail instead and the session stays definitive but unsent, so
 * a coordinator can still cancel it or keep it and send it now (SendAgendaNowUseCase).
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

  /**
   * Sends at the send moment, freezing first when still planned; the mail jobs are enqueued after
   * the commit. An empty agenda asks the coordinators instead.
   */
  async sendNow(sessionId: string): Promise<SendAgendaOutcome> {
    const result = await this.unitOfWork.run((tx) => this.sendWithin(tx, sessionId, { by: 'schedule' }));
    await this.dispatcher.enqueue(result.mails);
    if (result.outcome === 'sent') {
      this.logger.log(`agenda of session ${sessionId} sent (${result.mails.length} mails)`);
    } else if (result.outcome === 'empty') {
      this.logger.log(
        `agenda of session ${sessionId} is empty: coordinators asked (${result.mails.length} mails)`,
      );
    }
    return result.outcome;
  }

  /**
   * The send inside the caller's transaction (a coordinator's "send now" keeps its submission key
   * in the same one). 'confirm-first' wrote nothing but a freeze the caller rolls back.
   */
  async sendWithin(tx: Transaction, sessionId: string, options: SendOptions): Promise<SendResult> {
    const mails: PendingMail[] = [];
    const before = await this.sessions.session(sessionId, tx);
    if (!before) return { outcome: 'missing', mails };
    const members = (await this.mailing.standingMembers(tx, before.regionId, before.tableKey)).map(
      personRecipient,
    );
    // A submitter who gets the slot's invitation now hears it there, not in a confirmation besides.
    const frozen = await this.freeze.freezeWithin(tx, sessionId, {
      invitedToSlot: (item) => slotRecipients(item, members),
    });
    if (frozen.outcome === 'missing') return { outcome: 'missing', mails };
    mails.push(...frozen.mails);
    // The freeze took the table's lock and the session's row lock; both hold until the commit.
    const session = await this.sessions.lockSession(tx, sessionId);
    const table = session && this.timing.findTable(session.tableKey);
    const step = session && sendAgenda(session);
    if (!session || !table || !step?.ok) return { outcome: 'not-due', mails };
    const items = await this.mailing.itemsOn(tx, session.id);
    const batch = new OutboxBatch(tx);
    const next = emptyAgendaStep(items.length, options.by, options.keepEmpty === true);
    if (next === 'confirm-first') return { outcome: 'confirm-first', mails };
    if (next === 'ask-coordinators') {
      for (const coordinator of await this.mailing.tableCoordinators(
        tx,
        session.regionId,
        session.tableKey,
      )) {
        await this.writer.emptyAgenda(batch, session, table, personRecipient(coordinator));
      }
      mails.push(...(await this.mailing.addOutbox(tx, batch.messages)));
      return { outcome: 'empty', mails };
    }
    const now = this.clock.now();
    if (!(await this.sessions.markSent(tx, session.id, now))) return { outcome: 'not-due', mails };
    const sent: SessionRecord = { ...session, status: step.status, sentAt: now };
    const plan = agendaRecipients(
      members,
      items.map((item) => ({ id: item.id, casusregisseur: null, guests: slotRecipients(item) })),
    );
    await this.writer.agendaToMembers(batch, sent, table, items, plan.session, sent.icsSequence, false);
    for (const [i, slot] of plan.slots.entries()) {
      const item = items[i]!;
      for (const guest of slot.recipients) {
        await this.writer.slotInvitation(batch, sent, table, item, guest, item.icsSequence);
      }
    }
    mails.push(...(await this.mailing.addOutbox(tx, batch.messages)));
    return { outcome: 'sent', mails };
  }
}

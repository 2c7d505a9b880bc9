import { Inject, Injectable } from '@nestjs/common';
import { AgendaMailing } from '../ports/agenda-mailing.port';
import { MailJobQueue } from '../ports/mail-job-queue.port';

/**
 * After the commit of a change that wrote agenda mails: one mail job per outbox row, with the
 * row's idempotency key as job id. A row whose enqueue is lost (the process dies right after the
 * commit) is picked up by the outbox relay cron.
 */
@Injectable()
export class AgendaMailDispatcher {
  constructor(
    @Inject(AgendaMailing) private readonly repo: Pick<AgendaMailing, 'pendingKeys'>,
    @Inject(MailJobQueue) private readonly producer: MailJobQueue,
  ) {}

  /** For rows whose keys the caller already has (the use cases of this folder). */
  async enqueue(rows: readonly { id: string; idempotencyKey: string }[]): Promise<void> {
    await this.producer.enqueueMany(rows.map((r) => ({ outboxId: r.id, idempotencyKey: r.idempotencyKey })));
  }

  /** For outbox ids an AgendaNotifier returned inside a transaction that has committed since. */
  async dispatch(outboxIds: readonly string[]): Promise<void> {
    await this.enqueue(await this.repo.pendingKeys(outboxIds));
  }
}

import { Inject, Injectable } from '@nestjs/common';
import type { AttendanceAnswer, CalendarReplies, ProcessedReply } from '@overlegtafels/application';
import type { ReplyPartstat } from '@overlegtafels/domain';
import { PrismaService } from '../prisma.service';
import { on, type Transaction } from '../transaction';

/** processed_reply_messages and calendar_replies: a message once, its answer in the same transaction. */
@Injectable()
export class PrismaCalendarReplies implements CalendarReplies {
  constructor(@Inject(PrismaService) private readonly prisma: PrismaService) {}

  async outcomeOf(messageKey: string): Promise<string | undefined> {
    const row = await this.prisma.processedReplyMessage.findUnique({
      where: { messageKey },
      select: { outcome: true },
    });
    return row?.outcome;
  }

  async record(tx: Transaction, processed: ProcessedReply, answer?: AttendanceAnswer): Promise<boolean> {
    const db = on(tx, this.prisma);
    const { count } = await db.processedReplyMessage.createMany({
      data: [{ messageKey: processed.messageKey, outcome: processed.outcome, processedAt: processed.at }],
      skipDuplicates: true,
    });
    if (count === 0 || !answer) return count > 0;
    const data = {
      personId: answer.personId,
      partstat: answer.partstat,
      sequence: answer.sequence,
      messageKey: processed.messageKey,
      receivedAt: answer.receivedAt,
    };
    // One answer per attendee and entry (the session's own, or one slot on it): the later replaces
    // the earlier. The unique index is NULLS NOT DISTINCT, so two writers of one entry cannot both insert.
    const entry = {
      sessionId: answer.sessionId,
      agendaItemId: answer.agendaItemId,
      attendeeEmail: answer.email,
    };
    const { count: updated } = await db.calendarReply.updateMany({ where: entry, data });
    if (updated === 0) await db.calendarReply.create({ data: { ...entry, ...data } });
    return true;
  }

  async answersFor(sessionId: string): Promise<AttendanceAnswer[]> {
    const rows = await this.prisma.calendarReply.findMany({
      where: { sessionId },
      orderBy: [{ attendeeEmail: 'asc' }, { receivedAt: 'asc' }],
    });
    return rows.map((r) => ({
      sessionId: r.sessionId,
      agendaItemId: r.agendaItemId,
      email: r.attendeeEmail,
      personId: r.personId,
      partstat: r.partstat as ReplyPartstat,
      sequence: r.sequence,
      receivedAt: r.receivedAt,
    }));
  }
}

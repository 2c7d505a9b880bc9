import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig, Clock, CLOCK } from '@overlegtafels/config';
import { decideReply, parseItipReply, ReplyContext, ReplyDecision } from '@overlegtafels/domain';
import { allIdentities, MAIL_IDENTITY, MailIdentity, readInboundMail } from '@overlegtafels/mail';
import { AgendaMailing } from '../ports/agenda-mailing.port';
import { AgendaSessionRepository } from '../ports/agenda-session.repository.port';
import {
  CalendarReplies,
  MailboxMessage,
  OpenReplyMailbox,
  ReplyFolder,
  ReplyMailbox,
} from '../ports/calendar-replies.port';
import { RegionRepository } from '../ports/region.repository.port';
import { UnitOfWork } from '../ports/unit-of-work.port';
import { ofRegion } from '../region-fence/region-fence';

/** Larger than any answer with its calendar: a bigger message is refused unread. */
export const MAX_REPLY_BYTES = 256 * 1024;

export interface ReplyRun {
  readonly applied: number;
  readonly ignored: number;
  readonly refused: number;
  /** Messages that are no calendar answer: left in the inbox, untouched. */
  readonly left: number;
}

type Outcome = ReplyDecision['kind'] | 'left';

/**
 * Reads the organiser mailbox and turns the answers to session invitations and to guests' slot
 * invitations (iTIP REPLY) into attendance: the policy decides (decideReply), this use case only reads the message, finds the
 * session and who holds its invitation, and records the outcome once per Message-ID. Processed
 * answers go to "Verwerkt", refused ones to "Geweigerd"; any other mail stays where it is. Logs
 * name a message by the first characters of its key's hash and the outcome code only.
 */
@Injectable()
export class ProcessCalendarRepliesUseCase {
  private readonly logger = new Logger(ProcessCalendarRepliesUseCase.name);

  constructor(
    @Inject(ReplyMailbox) private readonly mailbox: ReplyMailbox,
    @Inject(CalendarReplies) private readonly replies: CalendarReplies,
    @Inject(AgendaSessionRepository) private readonly sessions: AgendaSessionRepository,
    @Inject(AgendaMailing) private readonly mailing: AgendaMailing,
    @Inject(RegionRepository) private readonly regions: RegionRepository,
    @Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork,
    @Inject(MAIL_IDENTITY) private readonly identity: MailIdentity,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute(): Promise<ReplyRun> {
    return this.mailbox.open(async (box) => {
      const counts = { apply: 0, ignore: 0, refuse: 0, left: 0 };
      // One organiser mailbox for the installation: a reply may answer any of its regions' invitations.
      const regionIds = await Promise.all(this.config.regions.map((key) => this.regions.idOf(key)));
      for (const message of await box.list()) {
        const outcome = await this.one(box, message, regionIds);
        counts[outcome] += 1;
      }
      return { applied: counts.apply, ignored: counts.ignore, refused: counts.refuse, left: counts.left };
    });
  }

  private async one(box: OpenReplyMailbox, message: MailboxMessage, regionIds: string[]): Promise<Outcome> {
    if (message.size > MAX_REPLY_BYTES) {
      // Unread: its size alone refuses it. The mailbox id is all that names it.
      return this.finish(box, message.id, `mailbox message ${message.id}`, 'refuse', 'TOO_LARGE');
    }
    let mail;
    try {
      mail = await readInboundMail(await box.read(message.id));
    } catch {
      return this.finish(box, message.id, `mailbox message ${message.id}`, 'refuse', 'MALFORMED_MIME');
    }
    const calendars = mail.calendars.filter(
      (c) => c.method === 'REPLY' || /\r?\nMETHOD:REPLY\r?\n/i.test(c.text ?? ''),
    );
    // Not an answer to an invitation (other mail, or a calendar message of another kind): not ours to touch.
    if (calendars.length === 0) return 'left';
    const name = `reply ${mail.key.slice(0, 12)}`;
    const recorded = await this.replies.outcomeOf(mail.key);
    if (recorded !== undefined) {
      // Recorded before (a resent copy, or a restart between the record and the move): only the
      // move is left, to the folder its first outcome chose.
      await box.moveTo(message.id, handledFolder(recorded));
      this.logger.log(`${name}: already processed`);
      return 'ignore';
    }
    const refuse = (code: string) => this.record(box, message.id, mail.key, name, 'refuse', code);
    if (calendars.length > 1) return refuse('ONE_CALENDAR_EXPECTED');
    const text = calendars[0]!.text;
    if (text === undefined) return refuse('BAD_CHARSET');
    const parsed = parseItipReply(text);
    if (!parsed.ok) return refuse(parsed.code);
    const decision = decideReply(
      parsed.reply,
      await this.contextFor(parsed.reply.uid, mail.senders, regionIds),
    );
    if (decision.kind !== 'apply')
      return this.record(box, message.id, mail.key, name, decision.kind, decision.code);
    const at = this.clock.now();
    const fresh = await this.unitOfWork.run((tx) =>
      this.replies.record(
        tx,
        { messageKey: mail.key, outcome: `APPLIED_${decision.partstat}`, at },
        {
          sessionId: decision.sessionId,
          agendaItemId: decision.agendaItemId,
          email: decision.email,
          personId: decision.personId,
          partstat: decision.partstat,
          sequence: decision.sequence,
          receivedAt: at,
        },
      ),
    );
    await box.moveTo(message.id, 'Verwerkt');
    this.logger.log(
      `${name}: ${fresh ? `applied ${decision.partstat} for session ${decision.sessionId}${decision.agendaItemId ? ` (slot ${decision.agendaItemId})` : ''}` : 'already processed'}`,
    );
    return fresh ? 'apply' : 'ignore';
  }

  /**
   * The entry a UID names (ours only): a session's own invitation (`session-<id>@<our host>`) or a
   * guest's invitation for one agendapunt's slot (`slot-<agendapunt>@<our host>`, see
   * guestSlotUid), with the SEQUENCE of that entry, the session it is on, its region and who holds
   * that invitation.
   */
  private async contextFor(uid: string, senders: string[], regionIds: string[]): Promise<ReplyContext> {
    const hosts = allIdentities(this.identity)
      .map((i) => i.uidHost.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('|');
    const named = new RegExp(
      `^(session|slot)-([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})@(?:${hosts})$`,
      'i',
    ).exec(uid);
    if (!named) return { senders, invited: [] };
    const [kind, id] = [named[1]!.toLowerCase(), named[2]!.toLowerCase()];
    return this.unitOfWork.run(async (tx) => {
      const item = kind === 'slot' ? await this.mailing.item(tx, id) : undefined;
      const session = await this.sessions.session(item ? item.sessionId : id, tx);
      if (!session || (kind === 'slot' && !item)) return { senders, invited: [] };
      const invited = await this.mailing.entryHolders(
        tx,
        item ? { agendaItemId: item.id } : { sessionId: session.id },
      );
      return {
        session: {
          id: session.id,
          ofThisRegion: regionIds.some((regionId) => ofRegion({ regionId }, session)),
          sequence: item ? item.icsSequence : session.icsSequence,
          ...(item ? { agendaItemId: item.id } : {}),
        },
        senders,
        invited,
      };
    });
  }

  private async record(
    box: OpenReplyMailbox,
    id: string,
    key: string,
    name: string,
    kind: 'ignore' | 'refuse',
    code: string,
  ): Promise<Outcome> {
    await this.unitOfWork.run((tx) =>
      this.replies.record(tx, { messageKey: key, outcome: code, at: this.clock.now() }),
    );
    return this.finish(box, id, name, kind, code);
  }

  private async finish(
    box: OpenReplyMailbox,
    id: string,
    name: string,
    kind: 'ignore' | 'refuse',
    code: string,
  ): Promise<Outcome> {
    const folder: ReplyFolder = kind === 'refuse' ? 'Geweigerd' : 'Verwerkt';
    await box.moveTo(id, folder);
    (kind === 'refuse' ? this.logger.warn.bind(this.logger) : this.logger.log.bind(this.logger))(
      `${name}: ${kind === 'refuse' ? 'refused' : 'ignored'} ${code}`,
    );
    return kind;
  }
}

/** Applied answers and stale ones are processed; everything else was refused. */
export function handledFolder(outcome: string): ReplyFolder {
  return outcome.startsWith('APPLIED_') || outcome === 'STALE_SEQUENCE' ? 'Verwerkt' : 'Geweigerd';
}

import { Inject, Injectable } from '@nestjs/common';
import { hasRole, Principal } from '@overlegtafels/auth';
import { CLOCK, Clock } from '@overlegtafels/config';
import { CaughtMail, CaughtMailDetail, MAIL_SINK, MailSink } from '@overlegtafels/mail';
import { AgendaRefusal } from '../errors';
import { AuditLog } from '../ports/audit-log.port';
import { MailOutbox } from '../ports/mail-outbox.port';
import { ofRegion } from '../region-fence/region-fence';
import { MailRegions } from '../retry-failed-mail/mail-region';

const notFound = () => new AgendaRefusal('MAIL_NOT_FOUND', 'Mail niet gevonden.', undefined, 'not_found');

/**
 * The default mode's local mailbox (/dev/mail), fenced like the rest: anyone reads the mails
 * addressed to them; a coordinator or beheerder also the mails of their own region. Another
 * region's mails are answered as unknown. Every read is audited (issue #17).
 */
@Injectable()
export class ReadDevMailUseCase {
  constructor(
    @Inject(MAIL_SINK) private readonly sink: MailSink | null,
    @Inject(MailOutbox) private readonly outbox: Pick<MailOutbox, 'byMessageIds'>,
    @Inject(MailRegions) private readonly regions: Pick<MailRegions, 'regionOf'>,
    @Inject(AuditLog) private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** False where mail goes out over SMTP: there is no local mailbox. */
  get available(): boolean {
    return this.sink !== null;
  }

  async list(reader: Principal, route: string): Promise<CaughtMail[]> {
    const sink = this.requireSink();
    const mails = await this.readable(reader, await sink.list());
    await this.record(reader, route, 'dev-mail.list', null, 'allowed', {
      count: mails.length,
      ids: mails.map((m) => m.id).join(','),
    });
    return mails;
  }

  async read(reader: Principal, route: string, id: string): Promise<CaughtMailDetail> {
    const mail = await this.requireSink().read(id);
    const allowed = !!mail && (await this.readable(reader, [mail])).length === 1;
    await this.record(reader, route, 'dev-mail.read', id, allowed ? 'allowed' : 'denied');
    if (!mail || !allowed) throw notFound();
    return mail;
  }

  async raw(reader: Principal, route: string, id: string): Promise<Buffer> {
    const mail = await this.read(reader, route, id);
    const bytes = this.requireSink().raw(mail.id);
    if (!bytes) throw notFound();
    return bytes;
  }

  /**
   * Each caught mail is matched to its outbox row by Message-ID and has that row's region (its
   * recipient's, session's or dossier's); a row of no region (a test mail to a typed address) is
   * open to every coordinator and beheerder.
   */
  private async readable<M extends CaughtMail>(reader: Principal, mails: readonly M[]): Promise<M[]> {
    const own = reader.email.toLowerCase();
    const addressedToReader = (m: M) => m.to.some((to) => to.toLowerCase() === own);
    if (!hasRole(reader, 'coordinator') && !hasRole(reader, 'admin')) return mails.filter(addressedToReader);
    const ids = mails.map((m) => m.messageId).filter((id): id is string => !!id);
    const rows = new Map((await this.outbox.byMessageIds(ids)).map((r) => [r.messageId, r]));
    const readable: M[] = [];
    for (const mail of mails) {
      const row = mail.messageId ? rows.get(mail.messageId) : undefined;
      const region = row && (await this.regions.regionOf(row));
      if (addressedToReader(mail) || !region || ofRegion(reader, region)) readable.push(mail);
    }
    return readable;
  }

  private async record(
    reader: Principal,
    route: string,
    action: string,
    id: string | null,
    outcome: 'allowed' | 'denied',
    details?: Record<string, string | number>,
  ): Promise<void> {
    await this.audit.append(
      {
        actorPersonId: reader.personId,
        action,
        entityType: 'caught_mail',
        entityId: id,
        outcome,
        route,
        ...(details && { details }),
      },
      this.clock.now(),
    );
  }

  private requireSink(): MailSink {
    if (!this.sink) {
      throw new AgendaRefusal(
        'NO_LOCAL_MAILBOX',
        'Er is geen lokale mailbox: mail gaat via SMTP.',
        undefined,
        'not_found',
      );
    }
    return this.sink;
  }
}

import { randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { hashToken } from '@overlegtafels/auth';
import { APP_CONFIG, AppConfig, Clock, CLOCK, inRegion } from '@overlegtafels/config';
import {
  emailAddress,
  MAIL_IDENTITY,
  MailComposer,
  MailIdentity,
  messageIdFor,
  toOutboxContent,
  webLink,
} from '@overlegtafels/mail';
import { MailJobQueue } from '../ports/mail-job-queue.port';
import { MailOutbox } from '../ports/mail-outbox.port';
import { PersonContact, PersonDirectory } from '../ports/person-directory.port';
import { RequestLoginLinkCommand } from './request-login-link.command';

export const LOGIN_LINK_MINUTES = 15;

/**
 * Login without passwords: a one-time link to the address the person is known by. The answer is
 * the same whether or not the address is known, so the form reveals nobody's membership.
 */
@Injectable()
export class RequestLoginLinkUseCase {
  constructor(
    @Inject(PersonDirectory) private readonly people: PersonDirectory,
    @Inject(MailOutbox) private readonly outbox: MailOutbox,
    @Inject(MailJobQueue) private readonly mail: MailJobQueue,
    @Inject(MailComposer) private readonly composer: MailComposer,
    @Inject(MAIL_IDENTITY) private readonly identity: MailIdentity,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute({ email, next = '/' }: RequestLoginLinkCommand): Promise<void> {
    const person = await this.people.findActiveByEmail(this.config.regions, email);
    if (!person) return;
    // The link's mail comes from the person's region (a login page runs in no region yet).
    await (person.regionKey
      ? inRegion(person.regionKey, () => this.send(person, next))
      : this.send(person, next));
  }

  private async send(person: PersonContact, next: string): Promise<void> {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(this.clock.now().getTime() + LOGIN_LINK_MINUTES * 60_000);
    await this.people.createLoginToken({ tokenHash: hashToken(token), personId: person.id, expiresAt });
    const link = `${this.config.publicUrl}/login/link/${token}${next !== '/' ? `?next=${encodeURIComponent(next)}` : ''}`;
    const rendered = await this.composer.loginLink({
      recipient: { address: emailAddress(person.email), name: person.displayName },
      loginUrl: webLink(link),
      expiresAt: DateTime.fromJSDate(expiresAt, { zone: 'Europe/Brussels' }),
    });
    const key = `login-link|${person.id}|${hashToken(token).slice(0, 16)}`;
    const { id } = await this.outbox.add({
      idempotencyKey: key,
      purpose: 'login-link',
      templateKey: 'login-link',
      recipientEmail: person.email,
      recipientPersonId: person.id,
      messageId: messageIdFor(this.identity.uidHost, randomUUID()),
      ...toOutboxContent(rendered),
      payload: { personId: person.id },
    });
    await this.mail.enqueueSend(id, key);
  }
}

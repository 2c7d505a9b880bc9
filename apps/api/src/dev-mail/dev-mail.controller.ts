import { Controller, Get, Header, Inject, NotFoundException, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Authenticated, CurrentPrincipal, hasRole, Principal } from '@overlegtafels/auth';
import { CaughtMail, MAIL_SINK, MailSink } from '@overlegtafels/mail';
import { ViewRenderer } from '../web/view-renderer.service';

/**
 * The default mode's mailbox: what the service "sent", caught locally. Coordinators and admins see
 * every caught message; anyone else only those addressed to them. Absent when real SMTP is used.
 */
@Controller('dev/mail')
export class DevMailController {
  constructor(
    @Inject(MAIL_SINK) private readonly sink: MailSink | null,
    @Inject(ViewRenderer) private readonly views: ViewRenderer,
  ) {}

  @Get()
  @Authenticated()
  @Header('Content-Type', 'text/html; charset=utf-8')
  async list(@CurrentPrincipal() principal: Principal): Promise<string> {
    const sink = this.requireSink();
    const mails = (await sink.list()).filter((m) => this.mayRead(principal, m));
    return this.views.render(
      'dev-mail-list',
      { title: 'Verzonden mails (lokaal)', principal },
      { mails, mailSink: true },
    );
  }

  @Get(':id')
  @Authenticated()
  @Header('Content-Type', 'text/html; charset=utf-8')
  async show(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<string> {
    const mail = await this.requireSink().read(id);
    if (!mail || !this.mayRead(principal, mail)) throw new NotFoundException('Mail niet gevonden.');
    return this.views.render('dev-mail-show', { title: mail.subject, principal }, { mail, mailSink: true });
  }

  @Get(':id/raw')
  @Authenticated()
  async raw(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Res() res: Response,
  ): Promise<void> {
    const sink = this.requireSink();
    const mail = await sink.read(id);
    if (!mail || !this.mayRead(principal, mail)) throw new NotFoundException('Mail niet gevonden.');
    res.type('message/rfc822').attachment(`${id}.eml`).send(sink.raw(id));
  }

  private requireSink(): MailSink {
    if (!this.sink) throw new NotFoundException('Er is geen lokale mailbox: mail gaat via SMTP.');
    return this.sink;
  }

  private mayRead(p: Principal, m: CaughtMail): boolean {
    if (hasRole(p, 'coordinator') || hasRole(p, 'admin')) return true;
    return m.to.some((to) => to.toLowerCase() === p.email.toLowerCase());
  }
}

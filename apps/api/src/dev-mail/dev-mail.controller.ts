import { Controller, Get, Header, Inject, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ReadDevMailUseCase } from '@overlegtafels/application';
import { Authenticated, CurrentPrincipal, Principal } from '@overlegtafels/auth';
import { CurrentRoute } from '../web/current-viewer.decorator';
import { ViewRenderer } from '../web/view-renderer.service';

/**
 * The default mode's mailbox: what the service "sent", caught locally. Coordinators and beheerders
 * see the mails of their region; anyone else only those addressed to them. Every read is audited.
 * Absent when real SMTP is used.
 */
@Controller('dev/mail')
export class DevMailController {
  constructor(
    @Inject(ReadDevMailUseCase) private readonly mailbox: ReadDevMailUseCase,
    @Inject(ViewRenderer) private readonly views: ViewRenderer,
  ) {}

  @Get()
  @Authenticated()
  @Header('Content-Type', 'text/html; charset=utf-8')
  async list(@CurrentPrincipal() principal: Principal, @CurrentRoute() route: string): Promise<string> {
    const mails = await this.mailbox.list(principal, route);
    return this.views.render(
      'dev-mail-list',
      { title: 'Verzonden mails (lokaal)', principal },
      { mails, mailSink: true },
    );
  }

  @Get(':id')
  @Authenticated()
  @Header('Content-Type', 'text/html; charset=utf-8')
  async show(
    @CurrentPrincipal() principal: Principal,
    @CurrentRoute() route: string,
    @Param('id') id: string,
  ): Promise<string> {
    const mail = await this.mailbox.read(principal, route, id);
    return this.views.render('dev-mail-show', { title: mail.subject, principal }, { mail, mailSink: true });
  }

  @Get(':id/raw')
  @Authenticated()
  async raw(
    @CurrentPrincipal() principal: Principal,
    @CurrentRoute() route: string,
    @Param('id') id: string,
    @Res() res: Response,
  ): Promise<void> {
    const bytes = await this.mailbox.raw(principal, route, id);
    res.type('message/rfc822').attachment(`${id}.eml`).send(bytes);
  }
}

import {
  Controller,
  Get,
  Header,
  HttpCode,
  Inject,
  NotFoundException,
  Param,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import type { Response } from 'express';
import {
  CalendarFeedUseCase,
  RenewCalendarFeedUseCase,
  RevokeCalendarFeedUseCase,
} from '@overlegtafels/application';
import { Authenticated, CurrentPrincipal, Principal, Public } from '@overlegtafels/auth';
import { MAIL_SINK, MailSink } from '@overlegtafels/mail';
import { ViewRenderer } from '../web/view-renderer.service';

/** Fixed texts only: the redirect's query never puts arbitrary text on the page. */
const NOTICES: Record<string, string> = {
  ingetrokken: 'Uw agenda-abonnement is ingetrokken. De oude link werkt niet meer.',
  geen: 'U had geen actief agenda-abonnement.',
};

/** A person's calendar subscription: the page to manage it, and the feed a calendar client fetches. */
@Controller()
export class CalendarFeedController {
  constructor(
    @Inject(CalendarFeedUseCase) private readonly feeds: CalendarFeedUseCase,
    @Inject(RenewCalendarFeedUseCase) private readonly renewFeed: RenewCalendarFeedUseCase,
    @Inject(RevokeCalendarFeedUseCase) private readonly revokeFeed: RevokeCalendarFeedUseCase,
    @Inject(ViewRenderer) private readonly views: ViewRenderer,
    @Inject(MAIL_SINK) private readonly sink: MailSink | null,
  ) {}

  @Get('agenda-abonnement')
  @Authenticated()
  @Header('Content-Type', 'text/html; charset=utf-8')
  async page(@CurrentPrincipal() principal: Principal, @Query('melding') melding?: string): Promise<string> {
    return this.render(principal, {
      notice: melding && Object.hasOwn(NOTICES, melding) ? NOTICES[melding] : undefined,
    });
  }

  /** Answers the page itself (no redirect): the new URL is shown this once and never again. */
  @Post('agenda-abonnement')
  @HttpCode(200)
  @Authenticated()
  @Header('Content-Type', 'text/html; charset=utf-8')
  async renew(@CurrentPrincipal() principal: Principal): Promise<string> {
    const { url } = await this.renewFeed.execute({ personId: principal.personId });
    return this.render(principal, {
      url,
      notice: 'Uw nieuwe agenda-abonnement is klaar. Een eerdere link werkt niet meer.',
    });
  }

  @Post('agenda-abonnement/intrekken')
  @Authenticated()
  async revoke(@CurrentPrincipal() principal: Principal, @Res() res: Response): Promise<void> {
    const revoked = await this.revokeFeed.execute({ personId: principal.personId });
    res.redirect(303, `/agenda-abonnement?melding=${revoked ? 'ingetrokken' : 'geen'}`);
  }

  @Get('calendar/:file')
  @Public('the secret token in the URL is the credential; a calendar client cannot log in')
  async feed(@Param('file') file: string, @Res() res: Response): Promise<void> {
    const token = /^(.+)\.ics$/.exec(file)?.[1];
    const content = token === undefined ? undefined : await this.feeds.feed({ token });
    // The same bare 404 for a malformed, unknown or revoked token: nothing to tell them apart.
    if (content === undefined) throw new NotFoundException();
    res.status(200).type('text/calendar; charset=utf-8').send(content);
  }

  private async render(principal: Principal, extra: { url?: string; notice?: string }): Promise<string> {
    const status = await this.feeds.status(principal.personId);
    return this.views.render(
      'calendar-feed',
      { title: 'Agenda-abonnement', principal, notice: extra.notice },
      { status, url: extra.url, mailSink: !!this.sink },
    );
  }
}

import {
  Body,
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
  AgendaRefusal,
  CalendarFeedUseCase,
  ChooseCalendarReminderUseCase,
  InputError,
  REMINDER_FIELD,
  RenewCalendarFeedUseCase,
  RevokeCalendarFeedUseCase,
  SUBMISSION_KEY_REUSED,
} from '@overlegtafels/application';
import { Authenticated, CurrentPrincipal, Principal, Public } from '@overlegtafels/auth';
import { CALENDAR_REMINDER_CHOICES, CalendarReminder } from '@overlegtafels/domain';
import { ALARM_DESCRIPTION, MAIL_SINK, MailSink } from '@overlegtafels/mail';
import { formSubmissionKey, withKey } from '../web/submission-key';
import { ViewRenderer } from '../web/view-renderer.service';

/** Fixed texts only: the redirect's query never puts arbitrary text on the page. */
const NOTICES: Record<string, string> = {
  ingetrokken: 'Uw agenda-abonnement is ingetrokken. De oude link werkt niet meer.',
  geen: 'U had geen actief agenda-abonnement.',
  herinnering:
    'Uw keuze voor de herinnering is bewaard. Ze geldt voor de uitnodigingen die u vanaf nu krijgt en voor uw agenda-abonnement.',
};

/** The choices as the form shows them, in order. */
const REMINDER_LABELS: Record<CalendarReminder, string> = {
  geen: 'Geen herinnering',
  '15m': '15 minuten vooraf',
  '1u': '1 uur vooraf',
  '1d': '1 dag vooraf',
};

/** A person's calendar subscription: the page to manage it, and the feed a calendar client fetches. */
@Controller()
export class CalendarFeedController {
  constructor(
    @Inject(CalendarFeedUseCase) private readonly feeds: CalendarFeedUseCase,
    @Inject(RenewCalendarFeedUseCase) private readonly renewFeed: RenewCalendarFeedUseCase,
    @Inject(RevokeCalendarFeedUseCase) private readonly revokeFeed: RevokeCalendarFeedUseCase,
    @Inject(ChooseCalendarReminderUseCase) private readonly chooseReminder: ChooseCalendarReminderUseCase,
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

  /**
   * Answers the page itself, no redirect: the URL is a credential, shown in the answer to this
   * post and on no GET. The form's one-time key makes a reload (the browser posts the same key
   * again) or a double click answer the same URL, so the one on the screen is the one that works.
   */
  @Post('agenda-abonnement')
  @HttpCode(200)
  @Authenticated()
  @Header('Content-Type', 'text/html; charset=utf-8')
  async renew(
    @CurrentPrincipal() principal: Principal,
    @Body() body: Record<string, unknown> | undefined,
  ): Promise<string> {
    const { url } = await this.renewFeed.execute({
      personId: principal.personId,
      ...withKey(formSubmissionKey(body)),
    });
    return this.render(principal, {
      url,
      notice: 'Uw nieuwe agenda-abonnement is klaar. Een eerdere link werkt niet meer.',
    });
  }

  /** A double click or a reload revokes once and lands where the first did, not on "geen" (issue #15). */
  @Post('agenda-abonnement/intrekken')
  @Authenticated()
  async revoke(
    @CurrentPrincipal() principal: Principal,
    @Body() body: Record<string, unknown>,
    @Res() res: Response,
  ): Promise<void> {
    const revoked = await this.revokeFeed.execute({
      personId: principal.personId,
      ...withKey(formSubmissionKey(body)),
    });
    res.redirect(303, `/agenda-abonnement?melding=${revoked ? 'ingetrokken' : 'geen'}`);
  }

  /**
   * The reminder (VALARM) of the person's invitations and feed; a wrong value comes back next to the
   * field. One form sets it once (issue #15); its key again with another choice is a 409 said there.
   */
  @Post('agenda-abonnement/herinnering')
  @Authenticated()
  async reminder(
    @CurrentPrincipal() principal: Principal,
    @Body() body: Record<string, unknown>,
    @Res() res: Response,
  ): Promise<void> {
    try {
      await this.chooseReminder.execute({
        personId: principal.personId,
        reminder: body[REMINDER_FIELD],
        ...withKey(formSubmissionKey(body)),
      });
    } catch (error) {
      const reused = error instanceof AgendaRefusal && error.code === SUBMISSION_KEY_REUSED;
      if (!(error instanceof InputError) && !reused) throw error;
      const message = reused
        ? error.message
        : (error as InputError).errors.find((e) => e.field === REMINDER_FIELD)?.message;
      res
        .status(reused ? 409 : 400)
        .type('html')
        .send(await this.render(principal, { reminderError: message }));
      return;
    }
    res.redirect(303, '/agenda-abonnement?melding=herinnering');
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

  private async render(
    principal: Principal,
    extra: { url?: string; notice?: string; reminderError?: string },
  ): Promise<string> {
    const status = await this.feeds.status(principal.personId);
    const reminder = await this.chooseReminder.current(principal.personId);
    return this.views.render(
      'calendar-feed',
      { title: 'Agenda-abonnement', principal, notice: extra.notice },
      {
        status,
        url: extra.url,
        mailSink: !!this.sink,
        reminder,
        reminderChoices: CALENDAR_REMINDER_CHOICES.map((value) => ({ value, label: REMINDER_LABELS[value] })),
        reminderError: extra.reminderError,
        reminderText: ALARM_DESCRIPTION,
      },
    );
  }
}

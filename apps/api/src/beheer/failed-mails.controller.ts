import {
  Body,
  Controller,
  Get,
  Header,
  Inject,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import type { Response } from 'express';
import { ListFailedMailUseCase, RetryFailedMailUseCase } from '@overlegtafels/application';
import { CurrentPrincipal, Principal, Roles } from '@overlegtafels/auth';
import { MAIL_SINK, MailSink } from '@overlegtafels/mail';
import { pick } from '../web/page-form';
import { pagerLinks } from '../web/page-links';
import { formSubmissionKey, withKey } from '../web/submission-key';
import { ViewRenderer } from '../web/view-renderer.service';

/** Fixed texts only: the redirect's query never puts arbitrary text on the page. */
const NOTICES: Record<string, string> = {
  opnieuw: 'De mail staat opnieuw in de wachtrij.',
  onbekend: 'Deze mail is niet (meer) mislukt; misschien werd ze al opnieuw verstuurd.',
};

/** The page's fields of a query (strings only; the use case checks them and answers 400 naming the field). */
export const pageQuery = (query: Record<string, unknown>) => pick(query, ['after', 'before', 'limit']);

/** Mails the worker gave up on, fifty a page, for coordinators to see and send again. */
@Controller('beheer/mails')
export class FailedMailsController {
  constructor(
    @Inject(ListFailedMailUseCase) private readonly failedMail: ListFailedMailUseCase,
    @Inject(RetryFailedMailUseCase) private readonly retryMail: RetryFailedMailUseCase,
    @Inject(ViewRenderer) private readonly views: ViewRenderer,
    @Inject(MAIL_SINK) private readonly sink: MailSink | null,
  ) {}

  @Get()
  @Roles('coordinator', 'admin')
  @Header('Content-Type', 'text/html; charset=utf-8')
  async list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: Record<string, unknown>,
  ): Promise<string> {
    const melding = typeof query.melding === 'string' ? query.melding : undefined;
    const page = await this.failedMail.execute(principal, pageQuery(query));
    return this.views.render(
      'failed-mails',
      {
        title: 'Mislukte mails',
        principal,
        notice: melding && Object.hasOwn(NOTICES, melding) ? NOTICES[melding] : undefined,
      },
      {
        mails: page.items,
        total: page.total,
        pager: pagerLinks('/beheer/mails', pick(query, ['limit']), page),
        mailSink: !!this.sink,
      },
    );
  }

  @Post(':id/retry')
  @Roles('coordinator', 'admin')
  async retry(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: Record<string, unknown> | undefined,
    @Res() res: Response,
  ): Promise<void> {
    // One press queues once: a double click answers the first press's notice.
    const retried = await this.retryMail.execute(principal, {
      outboxId: id,
      ...withKey(formSubmissionKey(body)),
    });
    res.redirect(303, `/beheer/mails?melding=${retried ? 'opnieuw' : 'onbekend'}`);
  }
}

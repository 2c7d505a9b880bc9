import { newSubmissionKey } from './submission-key';
import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@overlegtafels/auth';
import {
  freezeSession,
  type HasSessionStatus,
  isCancelled,
  isHeld,
  isProvisional,
  unfreezeSession,
} from '@overlegtafels/domain';
import { MAIL_SINK, MailSink } from '@overlegtafels/mail';
import { ViewRenderer } from './view-renderer.service';
import { PageForms } from './page-form';
import { when } from './when';

export { when };

export const SESSION_STATUS_LABELS: Record<string, string> = {
  planned: 'in voorbereiding',
  frozen: 'agenda definitief',
  sent: 'agenda verstuurd',
  held: 'gehouden',
  cancelled: 'geannuleerd',
};

/** What the views may ask of a session's status: the lifecycle answers, the views do not compare. */
export const sessionIs = {
  cancelled: (s: HasSessionStatus) => isCancelled(s),
  held: (s: HasSessionStatus) => isHeld(s),
  provisional: (s: HasSessionStatus) => isProvisional(s),
  /** Still to be changed by a coordinator: cancelled, moved, frozen or opened again. */
  changeable: (s: HasSessionStatus) => !isCancelled(s) && !isHeld(s),
  freezable: (s: HasSessionStatus) => freezeSession(s).ok,
  unfreezable: (s: HasSessionStatus) => unfreezeSession(s).ok,
};

/** Renders a page with the layout's needs: the local mailbox link, the error summary, time helpers. */
@Injectable()
export class PageService {
  constructor(
    @Inject(ViewRenderer) private readonly views: ViewRenderer,
    @Inject(MAIL_SINK) private readonly sink: MailSink | null,
  ) {}

  render(
    view: string,
    page: { title: string; principal: Principal; notice?: string },
    data: Record<string, unknown> = {},
    forms: PageForms = new PageForms(),
  ): string {
    return this.views.render(view, page, {
      ...data,
      form: forms.form,
      errorSummary: forms.summary(),
      mailSink: !!this.sink,
      when,
      statusLabels: SESSION_STATUS_LABELS,
      sessionIs,
      // A fresh one-time key for each form drawn (submissions made once, issue #15).
      newSubmissionKey,
    });
  }
}

import { newSubmissionKey } from './submission-key';
import { Inject, Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import type { Principal } from '@overlegtafels/auth';
import {
  freezeSession,
  type HasSessionStatus,
  isCancelled,
  isHeld,
  isProvisional,
  unfreezeSession,
} from '@overlegtafels/domain';
import {
  dutchDate,
  dutchDateTime,
  dutchTime,
  dutchTimeRange,
  MAIL_SINK,
  MailSink,
} from '@overlegtafels/mail';
import { ViewRenderer } from './view-renderer.service';
import { PageForms } from './page-form';

/** Brussels times as the pages print them, whatever zone the process runs in. */
export const when = {
  /** "vrijdag 4 december 2026" */
  date: (iso: string | Date) => dutchDate(toDateTime(iso)),
  /** "vrijdag 4 december 2026 om 10:00" */
  dateTime: (iso: string | Date) => dutchDateTime(toDateTime(iso)),
  /** A deadline at midnight reads as the end of the day before: "donderdag 19 november 2026 om 24:00". */
  deadline: (iso: string | Date) => {
    const at = toDateTime(iso).setZone('Europe/Brussels');
    return at.hour === 0 && at.minute === 0
      ? `${dutchDate(at.minus({ days: 1 }))} om 24:00`
      : dutchDateTime(at);
  },
  /** "10:00" */
  time: (iso: string | Date) => dutchTime(toDateTime(iso)),
  /** "10:00–10:30" */
  range: (start: string | Date, end: string | Date) => dutchTimeRange(toDateTime(start), toDateTime(end)),
  /** "2026-12-04" (Brussels calendar date) */
  ymd: (iso: string | Date) => toDateTime(iso).setZone('Europe/Brussels').toISODate()!,
};

function toDateTime(value: string | Date): DateTime {
  return typeof value === 'string' ? DateTime.fromISO(value) : DateTime.fromJSDate(value);
}

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

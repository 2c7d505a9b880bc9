import path from 'node:path';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { Eta } from 'eta';
import { APP_CONFIG, AppConfig } from '@overlegtafels/config';
import type { Principal } from '@overlegtafels/auth';
import { confidentialityNotice, MAIL_SINK, MailSink } from '@overlegtafels/mail';
import { projectRoot } from '@overlegtafels/persistence';
import { newSubmissionKey } from './submission-key';
import { when } from './when';

export interface PageContext {
  title: string;
  principal?: Principal;
  /** Shown at the top of the page (e.g. after a redirect). */
  notice?: string;
}

/**
 * One Eta per views directory for the whole process: the several modules that provide a
 * ViewRenderer share it, so each template and partial is read and compiled once, in every mode
 * (the default mode recompiled them on every render, issue #18). A template edited while the
 * process runs is picked up at the next start.
 */
const engines = new Map<string, Eta>();

export function viewEngine(views: string): Eta {
  let eta = engines.get(views);
  if (!eta) {
    eta = new Eta({ views, autoEscape: true, autoTrim: false, cache: true });
    engines.set(views, eta);
  }
  return eta;
}

/**
 * Server-rendered pages (Eta, auto-escaping on): plain HTML forms that work without JavaScript.
 * Every value printed with <%= %> is HTML-escaped; templates never use the raw form for user data.
 */
@Injectable()
export class ViewRenderer {
  private readonly eta: Eta;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Optional() @Inject(MAIL_SINK) private readonly sink: MailSink | null = null,
  ) {
    this.eta = viewEngine(path.join(projectRoot(), 'apps', 'api', 'views'));
  }

  render(view: string, page: PageContext, data: Record<string, unknown> = {}): string {
    return this.eta.render(view, {
      // The layout's link to the local mailbox is on every page of the default mode, not on some.
      mailSink: !!this.sink,
      // Every page writes dates and times one way: "dinsdag 15 december 2026", "13:00", Brussels.
      when,
      // A fresh one-time key for each form drawn (submissions made once, issue #15).
      newSubmissionKey,
      ...data,
      page,
      demoLogin: this.config.demoLogin,
      oidcLogin: !!this.config.oidc,
      csrf: page.principal?.csrfToken ?? '',
      // The pages people print (agenda, verslag, plan van aanpak) print it on every page, as in the mails.
      confidentialityNotice: confidentialityNotice().document,
    });
  }
}

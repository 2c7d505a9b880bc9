import { Controller, Get, Inject, Logger, NotFoundException, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { LogInWithOidcUseCase, OidcLoginRefusal } from '@overlegtafels/application';
import {
  OIDC_FLOW_COOKIE,
  OIDC_FLOW_MINUTES,
  OIDC_LOGOUT_COOKIE,
  OidcFailure,
  OidcLogin,
  OidcUnavailableError,
  Public,
  SESSION_COOKIE,
  SessionService,
} from '@overlegtafels/auth';
import { CurrentRoute } from '../web/current-viewer.decorator';
import { ViewRenderer } from '../web/view-renderer.service';
import { safeNext } from './auth.controller';

const FLOW_PATH = '/login/oidc';
/** A sealed ID token larger than this does not fit a cookie; the logout then stays local. */
const MAX_LOGOUT_COOKIE = 3_800;

const TRY_AGAIN = { href: '/login', label: 'Opnieuw inloggen' };

const FAILURE_PAGES: Record<OidcFailure, { status: number; heading: string; message: string }> = {
  flow_missing: {
    status: 400,
    heading: 'Inloggen is niet gelukt',
    message:
      'Het inloggen bij uw organisatie is verlopen of is niet in deze browser begonnen. Probeer het opnieuw.',
  },
  state_mismatch: {
    status: 400,
    heading: 'Inloggen is niet gelukt',
    message:
      'Het antwoord van uw organisatie hoort niet bij het inloggen dat in deze browser begon. Probeer het opnieuw.',
  },
  provider_error: {
    status: 400,
    heading: 'Niet aangemeld bij uw organisatie',
    message:
      'Uw organisatie heeft u niet aangemeld. Probeer het opnieuw, of vraag op de inlogpagina een inloglink per e-mail.',
  },
  code_refused: {
    status: 400,
    heading: 'Inloggen is niet gelukt',
    message:
      'Deze aanmelding van uw organisatie is al gebruikt of verlopen. Probeer het opnieuw vanaf de inlogpagina.',
  },
  id_token_invalid: {
    status: 400,
    heading: 'Inloggen is niet gelukt',
    message:
      'Uw organisatie gaf een aanmelding terug die niet geldig is voor de overlegtafels (verlopen of voor een andere toepassing). Probeer het opnieuw.',
  },
  provider_unreachable: {
    status: 503,
    heading: 'Aanmelddienst niet bereikbaar',
    message:
      'De aanmelddienst van uw organisatie is nu niet bereikbaar. Probeer het later opnieuw, of vraag op de inlogpagina een inloglink per e-mail.',
  },
};

const REFUSAL_PAGES: Record<OidcLoginRefusal, string> = {
  unknown_person:
    'Uw organisatie heeft u aangemeld, maar uw e-mailadres is niet bekend bij de overlegtafels van deze regio. Vraag de coördinator van uw tafel om u toe te voegen.',
  email_unverified:
    'Uw organisatie gaf uw e-mailadres niet als bevestigd door. Vraag uw organisatie het adres te bevestigen, of vraag op de inlogpagina een inloglink per e-mail.',
  no_email:
    'Uw organisatie gaf geen e-mailadres door, en daaraan herkennen de overlegtafels u. Vraag op de inlogpagina een inloglink per e-mail.',
};

/**
 * Single sign-on with the region's identity provider (OpenID Connect): the start sends the
 * browser to the provider, the callback turns its answer into a normal login session. Both
 * answer 404 where no provider is configured.
 */
@Controller('login/oidc')
export class OidcController {
  private readonly logger = new Logger(OidcController.name);

  constructor(
    @Inject(OidcLogin) private readonly oidc: OidcLogin,
    @Inject(LogInWithOidcUseCase) private readonly logIn: LogInWithOidcUseCase,
    @Inject(SessionService) private readonly sessions: SessionService,
    @Inject(ViewRenderer) private readonly views: ViewRenderer,
  ) {}

  @Get()
  @Public('starts a login with the organisation’s identity provider (OpenID Connect); 404 without one')
  async start(@Query('next') next: unknown, @Res() res: Response): Promise<void> {
    if (!this.oidc.enabled) throw new NotFoundException();
    let started: Awaited<ReturnType<OidcLogin['start']>>;
    try {
      started = await this.oidc.start(safeNext(next));
    } catch (error) {
      if (!(error instanceof OidcUnavailableError)) throw error;
      this.logger.warn(`the identity provider could not be reached: ${error.code}`);
      this.page(res, FAILURE_PAGES.provider_unreachable);
      return;
    }
    res.cookie(OIDC_FLOW_COOKIE, started.flowCookie, {
      ...this.sessions.cookieOptions(),
      path: FLOW_PATH,
      maxAge: OIDC_FLOW_MINUTES * 60_000,
    });
    res.redirect(303, started.authorizationUrl);
  }

  @Get('callback')
  @Public('the identity provider sends the browser back here with a one-time code; 404 without one')
  async callback(@CurrentRoute() route: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    if (!this.oidc.enabled) throw new NotFoundException();
    const cookies = (req as { cookies?: Record<string, string> }).cookies ?? {};
    // The flow is used once, whatever its end.
    res.clearCookie(OIDC_FLOW_COOKIE, { ...this.sessions.cookieOptions(), path: FLOW_PATH });
    const raw = req.originalUrl.indexOf('?');
    const query = new URLSearchParams(raw >= 0 ? req.originalUrl.slice(raw + 1) : '');
    const result = await this.oidc.finish(query, cookies[OIDC_FLOW_COOKIE]);
    if (!result.ok) {
      this.logger.warn(`an OIDC login failed: ${result.failure}${result.code ? ` (${result.code})` : ''}`);
      await this.logIn.failed({ failure: result.failure, code: result.code }, route);
      this.page(res, FAILURE_PAGES[result.failure]);
      return;
    }
    const outcome = await this.logIn.execute(
      { email: result.email, emailVerified: result.emailVerified, userAgent: req.get('user-agent') },
      route,
    );
    if (outcome.outcome === 'refused') {
      this.page(res, { status: 403, heading: 'Geen toegang', message: REFUSAL_PAGES[outcome.reason] });
      return;
    }
    const { session } = outcome;
    res.cookie(SESSION_COOKIE, session.token, this.sessions.cookieOptions(session.expiresAt));
    const logout = result.idToken && this.oidc.sealForLogout(result.idToken, session.expiresAt);
    if (logout && logout.length <= MAX_LOGOUT_COOKIE)
      res.cookie(OIDC_LOGOUT_COOKIE, logout, {
        ...this.sessions.cookieOptions(session.expiresAt),
        path: '/logout',
      });
    res.redirect(303, safeNext(result.next));
  }

  private page(res: Response, page: { status: number; heading: string; message: string }): void {
    res
      .status(page.status)
      .type('html')
      .send(
        this.views.render(
          'message',
          { title: 'Inloggen' },
          { heading: page.heading, message: page.message, link: TRY_AGAIN },
        ),
      );
  }
}

import { Body, Controller, Get, Inject, Logger, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import {
  ListDemoPeopleUseCase,
  loggableStack,
  LogInCommand,
  LoginAttemptKind,
  LoginRefusals,
  LoginThrottle,
  LogInUseCase,
  LogOutUseCase,
  PersonWithRoles,
  RequestLoginLinkUseCase,
} from '@overlegtafels/application';
import {
  Authenticated,
  CurrentPrincipal,
  loginCsrfHolds,
  loginCsrfToken,
  newPreSession,
  PRE_SESSION_COOKIE,
  preSessionOf,
  Principal,
  Public,
  SESSION_COOKIE,
  SessionService,
} from '@overlegtafels/auth';
import { isEmailAddress } from '@overlegtafels/mail';
import { ROLE_LABELS, Role } from '@overlegtafels/domain';
import { CurrentRoute } from '../web/current-viewer.decorator';
import { ViewRenderer } from '../web/view-renderer.service';
import { OIDC_LOGOUT_COOKIE, OidcLogin } from '@overlegtafels/auth';

/** Only local paths: a login must never bounce the person to another site. */
export function safeNext(next: unknown): string {
  return typeof next === 'string' && /^\/(?![/\\])[\w\-./?=&%]*$/.test(next) ? next : '/';
}

/** "Coördinator Weegploeg, casusregisseur": each role with the name of its table in the region. */
function describeRoles(p: PersonWithRoles, tableNames: ReadonlyMap<string, string>): string {
  return p.roles
    .map(
      (r) =>
        `${ROLE_LABELS[r.role as Role] ?? r.role}${r.tableKey ? ` ${tableNames.get(r.tableKey) ?? r.tableKey}` : ''}`,
    )
    .join(', ');
}

/** What a login form refused before its work is answered with, besides its own page. */
type Refusal = { status: 403; reason: 'csrf' } | { status: 429; retryAfterSeconds: number };

@Controller()
export class AuthController {
  private readonly logger = new Logger(AuthController.name);

  constructor(
    @Inject(OidcLogin) private readonly oidcLogin: OidcLogin,
    @Inject(SessionService) private readonly sessions: SessionService,
    @Inject(RequestLoginLinkUseCase) private readonly loginLink: RequestLoginLinkUseCase,
    @Inject(LogInUseCase) private readonly logIn: LogInUseCase,
    @Inject(LogOutUseCase) private readonly logOut: LogOutUseCase,
    @Inject(ListDemoPeopleUseCase) private readonly demoPeople: ListDemoPeopleUseCase,
    @Inject(ViewRenderer) private readonly views: ViewRenderer,
    @Inject(LoginThrottle) private readonly throttle: LoginThrottle,
    @Inject(LoginRefusals) private readonly refusals: LoginRefusals,
  ) {}

  @Get('login')
  @Public('the login page itself')
  async loginPage(@Query('next') next: string | undefined, @Req() req: Request, @Res() res: Response) {
    res
      .type('html')
      .send(
        this.views.render(
          'login',
          { title: 'Inloggen' },
          { next: safeNext(next), demoGroups: await this.demoGroups(), loginCsrf: this.formToken(req, res) },
        ),
      );
  }

  @Post('login/demo')
  @Public('logs in as a fictitious demo person; refused unless the demo login is enabled')
  async demoLogin(
    @Body() body: Record<string, unknown>,
    @CurrentRoute() route: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const personId = typeof body.personId === 'string' ? body.personId : '';
    const refused = await this.refusal('demo-login', body, req, route, personId);
    if (refused) {
      await this.sendLoginForm(req, res, { next: safeNext(body.next) }, refused);
      return;
    }
    if (!(await this.startSession({ via: 'demo', personId, userAgent: req.get('user-agent') }, res))) {
      await this.sendLoginForm(req, res, {
        next: safeNext(body.next),
        error: 'Kies een persoon uit de lijst.',
      });
      return;
    }
    res.redirect(303, safeNext(body.next));
  }

  /**
   * The same answer, after the same awaited work, for every address: the form's check and the
   * counters. Whether a link goes out is decided after the answer (the outbox sends it), so
   * neither the page nor its timing tells whether the address is known.
   */
  @Post('login/link')
  @Public('requests a one-time login link; the answer never reveals whether the address is known')
  async requestLink(
    @Body() body: Record<string, unknown>,
    @CurrentRoute() route: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const email = typeof body.email === 'string' ? body.email.trim() : '';
    const valid = isEmailAddress(email);
    const refused = await this.refusal('link-request', body, req, route, valid ? email : undefined);
    if (refused) {
      await this.sendLoginForm(req, res, { next: safeNext(body.next), email }, refused);
      return;
    }
    if (!valid) {
      await this.sendLoginForm(req, res, {
        next: safeNext(body.next),
        email,
        emailError: 'Vul een geldig e-mailadres in, bijvoorbeeld naam@example.be.',
      });
      return;
    }
    res
      .status(200)
      .type('html')
      .send(
        this.views.render(
          'message',
          { title: 'Inloglink' },
          {
            heading: 'Kijk in uw mailbox',
            message:
              'Als dit adres bij de overlegtafels bekend is, ontvangt u binnen enkele minuten een inloglink. De link is 15 minuten geldig.',
          },
        ),
      );
    this.sendLinkLater(email, safeNext(body.next));
  }

  @Get('login/link/:token')
  @Public('the page behind a login link; it asks for a click so that mail scanners do not use the link up')
  confirmLink(
    @Param('token') token: string,
    @Query('next') next: string | undefined,
    @Req() req: Request,
    @Res() res: Response,
  ): void {
    res.type('html').send(this.confirmPage(req, res, token, next));
  }

  @Post('login/link/:token')
  @Public('consumes a one-time login link')
  async useLink(
    @Param('token') token: string,
    @Body() body: Record<string, unknown>,
    @CurrentRoute() route: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const refused = await this.refusal('link-use', body, req, route);
    if (refused) {
      this.refusalHeaders(res, refused);
      res
        .status(refused.status)
        .type('html')
        .send(
          this.confirmPage(req, res, token, typeof body.next === 'string' ? body.next : undefined, refused),
        );
      return;
    }
    if (!(await this.startSession({ via: 'link', token, userAgent: req.get('user-agent') }, res))) {
      res
        .status(400)
        .type('html')
        .send(
          this.views.render(
            'message',
            { title: 'Inloggen' },
            {
              heading: 'Deze link werkt niet meer',
              message:
                'De inloglink is al gebruikt, verlopen of vervangen door een nieuwere. Vraag een nieuwe aan.',
              link: { href: '/login', label: 'Naar inloggen' },
            },
          ),
        );
      return;
    }
    res.redirect(303, safeNext(body.next));
  }
  @Post('logout')
  @Authenticated()
  async logout(
    @CurrentPrincipal() principal: Principal,
    @CurrentRoute() route: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const sessionToken = (req as { cookies?: Record<string, string> }).cookies?.[SESSION_COOKIE];
    await this.logOut.execute(principal, route, { sessionToken });
    res.clearCookie(SESSION_COOKIE, this.sessions.cookieOptions());
    // After an OIDC login: on to the provider's logout too, when it has one (else /login).
    const atProvider = await this.oidcLogin.logoutUrl(
      (req as { cookies?: Record<string, string> }).cookies?.[OIDC_LOGOUT_COOKIE],
    );
    res.clearCookie(OIDC_LOGOUT_COOKIE, { ...this.sessions.cookieOptions(), path: '/logout' });
    res.redirect(303, atProvider ?? '/login');
  }

  /**
   * The login form again, with what was typed and the message next to the field (400), or why
   * the form was refused (403 for its token, 429 with Retry-After for too many attempts).
   */
  private async sendLoginForm(
    req: Request,
    res: Response,
    values: Record<string, unknown>,
    refused?: Refusal,
  ): Promise<void> {
    if (refused) this.refusalHeaders(res, refused);
    const status = refused?.status ?? 400;
    const error = refused ? refusalMessage(refused) : values.error;
    if (status === 429 && req.accepts(['html', 'json']) === 'json') {
      res.status(429).json({ statusCode: 429, code: 'TOO_MANY_ATTEMPTS', message: error });
      return;
    }
    res
      .status(status)
      .type('html')
      .send(
        this.views.render(
          'login',
          { title: 'Inloggen' },
          { ...values, error, demoGroups: await this.demoGroups(), loginCsrf: this.formToken(req, res) },
        ),
      );
  }

  private confirmPage(
    req: Request,
    res: Response,
    token: string,
    next: string | undefined,
    refused?: Refusal,
  ) {
    return this.views.render(
      'login-confirm',
      { title: 'Inloggen' },
      {
        token: token.slice(0, 100),
        next: safeNext(next),
        loginCsrf: this.formToken(req, res),
        error: refused && refusalMessage(refused),
      },
    );
  }

  /**
   * Why a login form is refused before its work: a token that does not hold its pre-session (a
   * form posted from elsewhere: login CSRF), or too many attempts for the address or from the IP.
   * The token is checked first, so a forged form counts against nobody.
   */
  private async refusal(
    kind: LoginAttemptKind,
    body: Record<string, unknown>,
    req: Request,
    route: string,
    account?: string,
  ): Promise<Refusal | undefined> {
    const cookies = (req as { cookies?: Record<string, string> }).cookies;
    if (!loginCsrfHolds(preSessionOf(cookies), body._csrf)) {
      await this.refusals.record(kind, 'csrf', route);
      return { status: 403, reason: 'csrf' };
    }
    const outcome = await this.throttle.attempt(kind, { ip: req.ip ?? 'unknown', account }, route);
    return outcome.allowed ? undefined : { status: 429, retryAfterSeconds: outcome.retryAfterSeconds };
  }

  private refusalHeaders(res: Response, refused: Refusal): void {
    if (refused.status === 429) res.setHeader('Retry-After', String(refused.retryAfterSeconds));
  }

  /** The token for this browser's login forms, setting its pre-session cookie when it has none. */
  private formToken(req: Request, res: Response): string {
    const cookies = (req as { cookies?: Record<string, string> }).cookies;
    let pre = preSessionOf(cookies);
    if (!pre) {
      pre = newPreSession();
      // Pages with a fresh token set the cookie only when there is none: a second tab keeps working.
      if (!res.headersSent)
        res.cookie(PRE_SESSION_COOKIE, pre, {
          ...this.sessions.cookieOptions(),
          path: '/login',
          maxAge: 12 * 3600_000,
        });
      (req as { cookies?: Record<string, string> }).cookies = { ...cookies, [PRE_SESSION_COOKIE]: pre };
    }
    return loginCsrfToken(pre);
  }

  /** After the answer: the link's token, mail and outbox row, or nothing for an unknown address. */
  private sendLinkLater(email: string, next: string): void {
    setImmediate(() => {
      this.loginLink.execute({ email, next }).catch((error: unknown) => {
        // Never the address: the error's kind and frames only.
        this.logger.error(`a login link could not be prepared: ${loggableStack(error)}`);
      });
    });
  }

  /** Sets the session cookie when the login succeeds; false when it does not. */
  private async startSession(command: LogInCommand, res: Response): Promise<boolean> {
    const session = await this.logIn.execute(command);
    if (!session) return false;
    res.cookie(SESSION_COOKIE, session.token, this.sessions.cookieOptions(session.expiresAt));
    return true;
  }

  private async demoGroups() {
    const people = await this.demoPeople.execute();
    const tableNames = this.demoPeople.tableNames();
    const order = [
      'coordinator',
      'strategisch-coordinator',
      'casusregisseur',
      'aanmelder',
      'member',
      'admin',
    ];
    const labels: Record<string, string> = {
      coordinator: 'Coördinatoren',
      'strategisch-coordinator': 'Strategisch coördinatoren',
      casusregisseur: 'Casusregisseurs',
      aanmelder: 'Aanmelders',
      member: 'Leden van de tafels',
      admin: 'Beheer',
    };
    return order
      .map((role) => ({
        label: labels[role]!,
        people: people
          .filter(
            (p) =>
              (p.roles.map((r) => r.role).sort((a, b) => order.indexOf(a) - order.indexOf(b))[0] ?? '') ===
              role,
          )
          .map((p) => ({
            id: p.id,
            displayName: p.displayName,
            email: p.email,
            organisation: p.organisationName ?? '',
            roles: describeRoles(p, tableNames),
          })),
      }))
      .filter((g) => g.people.length > 0);
  }
}

function refusalMessage(refused: Refusal): string {
  if (refused.status === 403)
    return 'Het formulier is verlopen of kwam niet van deze pagina. Probeer het opnieuw.';
  const minutes = Math.ceil(refused.retryAfterSeconds / 60);
  return `U hebt het te vaak geprobeerd. Probeer het over ${minutes === 1 ? '1 minuut' : `${minutes} minuten`} opnieuw.`;
}

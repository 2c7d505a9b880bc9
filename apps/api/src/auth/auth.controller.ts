import { Body, Controller, Get, Header, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import {
  ListDemoPeopleUseCase,
  LogInCommand,
  LogInUseCase,
  LogOutUseCase,
  PersonWithRoles,
  RequestLoginLinkUseCase,
} from '@overlegtafels/application';
import {
  Authenticated,
  CurrentPrincipal,
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

const TABLE_LABELS: Record<string, string> = {
  ico: 'ICO',
  weegploeg: 'Weegploeg',
  'ronde-tafel': 'Ronde Tafel',
};

/** Only local paths: a login must never bounce the person to another site. */
export function safeNext(next: unknown): string {
  return typeof next === 'string' && /^\/(?![/\\])[\w\-./?=&%]*$/.test(next) ? next : '/';
}

function describeRoles(p: PersonWithRoles): string {
  return p.roles
    .map(
      (r) =>
        `${ROLE_LABELS[r.role as Role] ?? r.role}${r.tableKey ? ` ${TABLE_LABELS[r.tableKey] ?? r.tableKey}` : ''}`,
    )
    .join(', ');
}

@Controller()
export class AuthController {
  constructor(
    @Inject(OidcLogin) private readonly oidcLogin: OidcLogin,
    @Inject(SessionService) private readonly sessions: SessionService,
    @Inject(RequestLoginLinkUseCase) private readonly loginLink: RequestLoginLinkUseCase,
    @Inject(LogInUseCase) private readonly logIn: LogInUseCase,
    @Inject(LogOutUseCase) private readonly logOut: LogOutUseCase,
    @Inject(ListDemoPeopleUseCase) private readonly demoPeople: ListDemoPeopleUseCase,
    @Inject(ViewRenderer) private readonly views: ViewRenderer,
  ) {}

  @Get('login')
  @Public('the login page itself')
  @Header('Content-Type', 'text/html; charset=utf-8')
  async loginPage(@Query('next') next?: string): Promise<string> {
    return this.views.render(
      'login',
      { title: 'Inloggen' },
      { next: safeNext(next), demoGroups: await this.demoGroups() },
    );
  }

  @Post('login/demo')
  @Public('logs in as a fictitious demo person; refused unless the demo login is enabled')
  async demoLogin(
    @Body() body: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const personId = typeof body.personId === 'string' ? body.personId : '';
    if (!(await this.startSession({ via: 'demo', personId, userAgent: req.get('user-agent') }, res))) {
      await this.sendLoginForm(res, { next: safeNext(body.next), error: 'Kies een persoon uit de lijst.' });
      return;
    }
    res.redirect(303, safeNext(body.next));
  }

  @Post('login/link')
  @Public('requests a one-time login link; the answer never reveals whether the address is known')
  async requestLink(@Body() body: Record<string, unknown>, @Res() res: Response): Promise<void> {
    const email = typeof body.email === 'string' ? body.email.trim() : '';
    if (!isEmailAddress(email)) {
      await this.sendLoginForm(res, {
        next: safeNext(body.next),
        email,
        emailError: 'Vul een geldig e-mailadres in, bijvoorbeeld naam@example.be.',
      });
      return;
    }
    await this.loginLink.execute({ email, next: safeNext(body.next) });
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
  }

  @Get('login/link/:token')
  @Public('the page behind a login link; it asks for a click so that mail scanners do not use the link up')
  @Header('Content-Type', 'text/html; charset=utf-8')
  confirmLink(@Param('token') token: string, @Query('next') next?: string): string {
    return this.views.render(
      'login-confirm',
      { title: 'Inloggen' },
      { token: token.slice(0, 100), next: safeNext(next) },
    );
  }

  @Post('login/link/:token')
  @Public('consumes a one-time login link')
  async useLink(
    @Param('token') token: string,
    @Body() body: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
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
              message: 'De inloglink is al gebruikt of verlopen. Vraag een nieuwe aan.',
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

  /** The login form again, with what was typed and the message next to the field (400). */
  private async sendLoginForm(res: Response, values: Record<string, unknown>): Promise<void> {
    res
      .status(400)
      .type('html')
      .send(
        this.views.render('login', { title: 'Inloggen' }, { ...values, demoGroups: await this.demoGroups() }),
      );
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
            roles: describeRoles(p),
          })),
      }))
      .filter((g) => g.people.length > 0);
  }
}

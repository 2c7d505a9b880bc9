import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Inject,
  Injectable,
  InternalServerErrorException,
  Logger,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { POLICY_KEY, RoutePolicy } from './policy.decorator';
import { Principal, hasRole } from './principal';
import { SESSION_COOKIE, SessionService, safeEqual } from './session.service';

export type AuthenticatedRequest = Request & { principal?: Principal };

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger(AuthGuard.name);

  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(SessionService) private readonly sessions: SessionService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const policy = this.reflector.getAllAndOverride<RoutePolicy | undefined>(POLICY_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!policy) {
      // Fail closed: a route nobody declared a policy for is a bug, not an open door.
      this.logger.error(`route ${context.getClass().name}.${context.getHandler().name} has no access policy`);
      throw new InternalServerErrorException('route has no access policy');
    }
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const cookies = (req as { cookies?: Record<string, string> }).cookies ?? {};
    req.principal = await this.sessions.resolve(cookies[SESSION_COOKIE]);
    if (policy.kind === 'public') return true;

    const principal = req.principal;
    if (!principal) throw new UnauthorizedException('Meld je aan om verder te gaan.');
    if (UNSAFE.has(req.method)) {
      const body = req.body as Record<string, unknown> | undefined;
      const sent = String(req.get('x-csrf-token') ?? (typeof body?._csrf === 'string' ? body._csrf : ''));
      if (!sent || !safeEqual(sent, principal.csrfToken)) {
        throw new ForbiddenException('Het formulier is verlopen of ongeldig (CSRF); laad de pagina opnieuw.');
      }
    }
    if (policy.kind === 'authenticated') return true;
    if (policy.roles.some((role) => hasRole(principal, role))) return true;
    throw new ForbiddenException('Je hebt geen toegang tot deze pagina.');
  }
}

import { CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor } from '@nestjs/common';
import type { Observable } from 'rxjs';
import { RegionScope } from '@overlegtafels/application';
import type { AuthenticatedRequest } from '@overlegtafels/auth';
import { inRegion } from '@overlegtafels/config';

/**
 * Every request of a logged-in person runs in that person's region (after the guard, which put the
 * principal on the request): the tables, dossier life, time zone and mail identity the route reads
 * are that region's. Nest binds the handler to the async context in which `handle()` is called, so
 * calling it inside inRegion carries the region through the pipes, the handler and what it awaits.
 * A request without a person (the login pages, a calendar feed) runs in no region's scope.
 */
@Injectable()
export class RequestRegionInterceptor implements NestInterceptor {
  constructor(@Inject(RegionScope) private readonly scope: RegionScope) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    if (context.getType() !== 'http') return next.handle();
    const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
    const key = principal ? await this.scope.keyOf(principal.regionId) : undefined;
    return key === undefined ? next.handle() : inRegion(key, () => next.handle());
  }
}

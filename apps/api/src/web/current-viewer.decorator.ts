import { createParamDecorator, ExecutionContext, InternalServerErrorException } from '@nestjs/common';
import type { Viewer } from '@overlegtafels/application';
import type { AuthenticatedRequest, Principal } from '@overlegtafels/auth';
import { viewerOf } from '../agenda/viewer';

/**
 * `METHOD /path/:param` of the route that matched, as it was declared (a template: the values
 * in the URL stay out of the audit log), so no controller writes its own route out by hand.
 */
export function routeOf(ctx: ExecutionContext): string {
  const req = ctx.switchToHttp().getRequest<AuthenticatedRequest>();
  const path = (req.route as { path?: unknown } | undefined)?.path;
  if (typeof path !== 'string') throw new InternalServerErrorException('no matched route');
  return `${req.method} ${path}`;
}

function principalOf(ctx: ExecutionContext): Principal {
  const principal = ctx.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  // Only on routes whose policy requires a login: a public route has no viewer to give.
  if (!principal) throw new InternalServerErrorException('a viewer on a route without a login');
  return principal;
}

/** The logged-in person as the use cases see them, with the route for the audit log. */
export function viewerFrom(ctx: ExecutionContext): Viewer {
  return viewerOf(principalOf(ctx), routeOf(ctx));
}

export const CurrentViewer = createParamDecorator((_data: unknown, ctx: ExecutionContext) => viewerFrom(ctx));

/** The route template alone, for use cases that take the principal and the route. */
export const CurrentRoute = createParamDecorator((_data: unknown, ctx: ExecutionContext): string =>
  routeOf(ctx),
);

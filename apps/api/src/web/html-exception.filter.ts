import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  HttpStatus,
  Inject,
  Logger,
  Optional,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { RefusalAudit } from './refusal-audit';
import { ViewRenderer } from './view-renderer.service';
import type { AuthenticatedRequest } from '@overlegtafels/auth';
import { AgendaRefusal, InputError, loggableStack, TableQueryError } from '@overlegtafels/application';
import { statusOf } from './error-status';
import { databaseUnavailable, isDatabaseUnavailable } from './database-unavailable';

/**
 * The application's refusals as HTTP: bad input is a 400 naming every field; a refusal by the
 * rules keeps its code (404 for "not found or not yours", 409 for a state conflict, else 422).
 */
export function toHttpException(exception: unknown): unknown {
  if (exception instanceof InputError) {
    const first = exception.errors[0]!;
    return new HttpException(
      {
        field: first.field,
        code: first.code,
        message: exception.errors.map((e) => e.message).join(' '),
        errors: exception.errors,
      },
      HttpStatus.BAD_REQUEST,
    );
  }
  if (exception instanceof TableQueryError) {
    // An unknown table key in any route's path is "not found", not a fault.
    return new HttpException(
      { field: exception.field, code: exception.code, message: exception.message },
      statusOf(exception.kind),
    );
  }
  if (exception instanceof AgendaRefusal) {
    return new HttpException(
      {
        code: exception.code,
        message: exception.message,
        ...(exception.field && { field: exception.field }),
      },
      statusOf(exception.kind),
    );
  }
  if (!(exception instanceof HttpException) && isDatabaseUnavailable(exception)) return databaseUnavailable();
  return exception;
}

/**
 * API routes answer JSON (`{ statusCode, message, field? }`); pages answer a readable Dutch page,
 * and a page that needs a login sends the person to the login form and back.
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger(HttpErrorFilter.name);

  constructor(
    @Inject(ViewRenderer) private readonly views: ViewRenderer,
    @Optional() @Inject(RefusalAudit) private readonly refusals?: RefusalAudit,
  ) {}

  async catch(raised: unknown, host: ArgumentsHost): Promise<void> {
    const exception = toHttpException(raised);
    const ctx = host.switchToHttp();
    const req = ctx.getRequest<Request>();
    const res = ctx.getResponse<Response>();
    const status =
      exception instanceof HttpException ? exception.getStatus() : HttpStatus.INTERNAL_SERVER_ERROR;
    // The guard's refusals (a use case's own refusals are audited where they are made).
    if ((status === 401 || status === 403) && !(raised instanceof AgendaRefusal)) {
      await this.refusals?.record(req, status);
    }
    if (status >= 500) {
      // The path only: query strings may carry search terms. A feed path carries its secret token.
      // The error's kind, codes and frames, not its message (which may quote what was looked up).
      const loggedPath = req.path.replace(/^\/calendar\/[^/]+/, '/calendar/…');
      this.logger.error(`${req.method} ${loggedPath} failed: ${loggableStack(exception)}`);
    }
    const body = exception instanceof HttpException ? exception.getResponse() : undefined;
    // A 503 says what it is (its own code and message); other 5xx stay vague.
    const tells = status < 500 || status === HttpStatus.SERVICE_UNAVAILABLE;
    const message = !tells
      ? 'Er ging iets mis. Probeer het later opnieuw.'
      : typeof body === 'string'
        ? body
        : ((body as { message?: string | string[] } | undefined)?.message ?? 'Fout');
    const isPage =
      (!req.path.startsWith('/api') || req.path === '/api/docs') &&
      req.path !== '/health' &&
      req.accepts(['html', 'json']) === 'html';
    if (!isPage) {
      // A 5xx never echoes internals; a 4xx keeps its named field and code.
      const extra = tells && typeof body === 'object' && body !== null ? body : {};
      res.status(status).json({ ...extra, statusCode: status, message });
      return;
    }
    if (status === HttpStatus.UNAUTHORIZED && req.method === 'GET') {
      res.redirect(303, `/login?next=${encodeURIComponent(req.originalUrl)}`);
      return;
    }
    const principal = (req as AuthenticatedRequest).principal;
    res
      .status(status)
      .type('html')
      .send(
        this.views.render(
          'message',
          { title: 'Melding', principal },
          {
            heading:
              status === 404
                ? 'Niet gevonden'
                : status === 403
                  ? 'Geen toegang'
                  : status === 401
                    ? 'Inloggen vereist'
                    : status === 503
                      ? 'Tijdelijk niet beschikbaar'
                      : 'Er ging iets mis',
            message: Array.isArray(message) ? message.join(' ') : message,
            link: { href: '/', label: 'Naar het overzicht' },
          },
        ),
      );
  }
}

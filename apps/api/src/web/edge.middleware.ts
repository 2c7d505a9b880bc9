import type { ArgumentsHost } from '@nestjs/common';
import { HttpException, HttpStatus } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { InputError } from '@overlegtafels/application';
import type { HttpErrorFilter } from './html-exception.filter';

/**
 * The headers every answer carries — pages, JSON, errors of the body parsers, 413s — so this runs
 * first, before anything can answer. HSTS only where the service is reached over https.
 */
export function securityHeaders(publicUrl: string) {
  const hsts = publicUrl.startsWith('https://');
  return (_req: Request, res: Response, next: NextFunction): void => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader(
      'Content-Security-Policy',
      "default-src 'self'; img-src 'self' data:; style-src 'self'; form-action 'self'; frame-ancestors 'none'",
    );
    res.setHeader('Cache-Control', 'no-store');
    if (hsts) res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    next();
  };
}

interface BodyParserError {
  readonly type?: string;
  readonly status?: number;
}

/**
 * What the body parsers refuse (malformed JSON, a body over the limit, an unknown charset) is
 * answered like any refusal of the app, by its own error filter: a 400 naming the body, or a 413,
 * as JSON for the API and as the Dutch page for forms. Never the framework's bare 500 page.
 */
export function bodyParserErrors(filter: HttpErrorFilter) {
  return (error: unknown, req: Request, res: Response, next: NextFunction): void => {
    const { type, status } = (error ?? {}) as BodyParserError;
    if (!type || !status || status >= 500) {
      next(error);
      return;
    }
    const refusal =
      type === 'entity.too.large'
        ? new HttpException(
            { field: 'body', code: 'TOO_LARGE', message: 'De gegevens zijn te groot.' },
            HttpStatus.PAYLOAD_TOO_LARGE,
          )
        : new InputError([
            {
              field: 'body',
              code: type === 'entity.parse.failed' ? 'MALFORMED' : 'UNREADABLE',
              message:
                type === 'entity.parse.failed'
                  ? 'De gegevens zijn geen geldige JSON.'
                  : 'De gegevens konden niet gelezen worden.',
            },
          ]);
    const host = {
      switchToHttp: () => ({ getRequest: () => req, getResponse: () => res }),
    } as unknown as ArgumentsHost;
    void filter.catch(refusal, host);
  };
}

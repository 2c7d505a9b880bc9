import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import type { ArgumentsHost } from '@nestjs/common';
import {
  ForbiddenException,
  HttpException,
  HttpStatus,
  Inject,
  Injectable,
  OnModuleDestroy,
  UnauthorizedException,
} from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import multer from 'multer';
import { AuditLog, DOCUMENT_MAX_BYTES } from '@overlegtafels/application';
import {
  AuthenticatedRequest,
  hasRole,
  Principal,
  SESSION_COOKIE,
  SessionService,
  safeEqual,
} from '@overlegtafels/auth';
import { APP_CONFIG, AppConfig, Clock } from '@overlegtafels/config';
import type { Role } from '@overlegtafels/domain';
import type { HttpErrorFilter } from './html-exception.filter';

export interface UploadedDocument {
  readonly originalName: string;
  readonly bytes: Buffer;
}

/** What the upload middleware leaves on the request: the file, or why it was refused. */
export interface UploadRequest extends Request {
  upload?: UploadedDocument;
  uploadError?: 'TOO_LARGE' | 'INVALID';
}

/** Who may send the two forms that take a document (the routes' @Roles say the same). */
export const UPLOAD_ROLES: readonly Role[] = ['casusregisseur', 'aanmelder', 'coordinator'];

/** Room for the form's other fields and the multipart framing next to the largest file. */
const FORM_OVERHEAD_BYTES = 1024 * 1024;
const RETRY_AFTER_SECONDS = 10;

class CsrfBeforeFile extends Error {}

/**
 * This process's own directory for uploads in flight (under DATA_DIR/uploads), made at start and
 * removed at shutdown; a file lives there only while its request is read and checked. The
 * directories of processes that ended without shutting down (a crash, a kill) go at the next start.
 */
@Injectable()
export class UploadSpool implements OnModuleDestroy {
  readonly dir: string;
  readonly perPerson: number;
  private readonly inFlight = new Map<string, number>();

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.perPerson = config.uploadsPerPerson;
    const root = path.join(config.dataDir, 'uploads');
    mkdirSync(root, { recursive: true, mode: 0o700 });
    for (const entry of readdirSync(root)) {
      const pid = /^(\d+)-/.exec(entry)?.[1];
      if (pid && !isRunning(Number(pid))) rmSync(path.join(root, entry), { recursive: true, force: true });
    }
    this.dir = mkdtempSync(path.join(root, `${process.pid}-`));
  }

  /** A slot for one upload of this person, or false when they already have the maximum in flight. */
  claim(personId: string): false | (() => void) {
    const now = this.inFlight.get(personId) ?? 0;
    if (now >= this.perPerson) return false;
    this.inFlight.set(personId, now + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.inFlight.get(personId) ?? 1) - 1;
      if (left <= 0) this.inFlight.delete(personId);
      else this.inFlight.set(personId, left);
    };
  }

  onModuleDestroy(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/**
 * The forms with a `document` (multipart), guarded before a byte of their body is read: without a
 * session the answer is 401, without one of the roles 403, over the size a 413 and with too many
 * uploads of the same person in flight a 429 — each at once, with `Connection: close`, so the
 * body is never buffered. A body that passes is streamed to a file in the spool (never memory),
 * whose CSRF token must come before the file (the header, or the form's first field `_csrf`);
 * the file is read for the use case and removed from the spool before the route answers.
 * A refused file does not fail the request: the form comes back with the message next to the field.
 */
export function uploadGate(deps: {
  sessions: SessionService;
  spool: UploadSpool;
  filter: HttpErrorFilter;
  audit: AuditLog;
  clock: Clock;
}) {
  const parser = multer({
    storage: multer.diskStorage({
      destination: deps.spool.dir,
      filename: (_req, _file, cb) => cb(null, randomBytes(16).toString('hex')),
    }),
    limits: { fileSize: DOCUMENT_MAX_BYTES, files: 1, fields: 60, fieldSize: 64 * 1024, parts: 70 },
    // Called when the file's part begins, after the fields before it: the token must be among them.
    fileFilter: (req, _file, cb) => {
      const principal = (req as AuthenticatedRequest).principal!;
      if (csrfOf(req) && safeEqual(csrfOf(req), principal.csrfToken)) cb(null, true);
      else cb(new CsrfBeforeFile());
    },
  }).single('document');

  const refuse = (req: Request, res: Response, refusal: HttpException) => {
    // The body stays unread: closing the connection after the answer is cheaper than draining it.
    res.setHeader('Connection', 'close');
    const host = {
      switchToHttp: () => ({ getRequest: () => req, getResponse: () => res }),
    } as unknown as ArgumentsHost;
    // The filter writes the answer; should it fail, the connection goes rather than hang.
    Promise.resolve(deps.filter.catch(refusal, host)).catch(() => res.destroy());
  };

  /**
   * A known person's refused upload is in the audit log; an anonymous one is not (anyone could
   * fill the log with them), as with every route's 401.
   */
  const audited = async (principal: Principal, req: Request, reason: string) =>
    deps.audit.append(
      {
        actorPersonId: principal.personId,
        action: 'upload.refused',
        entityType: 'upload',
        entityId: null,
        route: `${req.method} ${req.baseUrl || req.path}`,
        outcome: 'denied',
        details: { reason },
      },
      deps.clock.now(),
    );

  return (req: Request, res: Response, next: NextFunction): void => {
    if (req.method !== 'POST' || !req.is('multipart/form-data')) {
      next();
      return;
    }
    void (async () => {
      const cookies = (req as { cookies?: Record<string, string> }).cookies ?? {};
      const principal = await deps.sessions.resolve(cookies[SESSION_COOKIE]);
      if (!principal) {
        refuse(req, res, new UnauthorizedException('Log in om verder te gaan.'));
        return;
      }
      (req as AuthenticatedRequest).principal = principal;
      if (!UPLOAD_ROLES.some((role) => hasRole(principal, role))) {
        await audited(principal, req, 'role');
        refuse(req, res, new ForbiddenException('U hebt geen toegang tot deze pagina.'));
        return;
      }
      if (!headerCsrfHolds(req, principal)) {
        await audited(principal, req, 'csrf');
        refuse(req, res, csrfRefusal());
        return;
      }
      const declared = Number(req.get('content-length') ?? 0);
      if (declared > DOCUMENT_MAX_BYTES + FORM_OVERHEAD_BYTES) {
        await audited(principal, req, 'too-large');
        refuse(req, res, tooLarge());
        return;
      }
      const release = deps.spool.claim(principal.personId);
      if (!release) {
        await audited(principal, req, 'too-many-at-once');
        res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
        refuse(
          req,
          res,
          new HttpException(
            {
              code: 'TOO_MANY_UPLOADS',
              message: `U verstuurt al ${deps.spool.perPerson === 1 ? 'een bestand' : `${deps.spool.perPerson} bestanden`} tegelijk. Wacht tot die verstuurd zijn en probeer het over ${RETRY_AFTER_SECONDS} seconden opnieuw.`,
            },
            HttpStatus.TOO_MANY_REQUESTS,
          ),
        );
        return;
      }
      let spooled: string | undefined;
      // Whatever happens to the request (answered, refused, broken off), the slot and the file go.
      res.on('close', () => {
        release();
        if (spooled) void rm(spooled, { force: true });
      });
      parser(req, res, (error?: unknown) => {
        void (async () => {
          const upload = req as UploadRequest & {
            file?: { originalname: string; path: string; size: number };
          };
          spooled = upload.file?.path;
          if (error instanceof CsrfBeforeFile) {
            await audited(principal, req, 'csrf');
            refuse(req, res, csrfRefusal());
            return;
          }
          if (error) {
            upload.uploadError =
              (error as { code?: string }).code === 'LIMIT_FILE_SIZE' ? 'TOO_LARGE' : 'INVALID';
            if (upload.uploadError === 'TOO_LARGE') await audited(principal, req, 'too-large');
            upload.body ??= {};
          } else if (upload.file && upload.file.size > 0) {
            upload.upload = {
              originalName: upload.file.originalname,
              bytes: await readFile(upload.file.path),
            };
          }
          if (spooled) await rm(spooled, { force: true });
          spooled = undefined;
          next();
        })().catch(next);
      });
    })().catch(next);
  };
}

/** Whether a process with this id runs on this machine (signal 0 only asks). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function csrfOf(req: Request): string {
  const body = req.body as Record<string, unknown> | undefined;
  return String(req.get('x-csrf-token') ?? (typeof body?._csrf === 'string' ? body._csrf : ''));
}

/** A token sent as a header must hold now; one sent as a form field is checked when the file begins. */
function headerCsrfHolds(req: Request, principal: Principal): boolean {
  const header = req.get('x-csrf-token');
  return header === undefined || safeEqual(header, principal.csrfToken);
}

function csrfRefusal() {
  return new ForbiddenException('Het formulier is verlopen of ongeldig (CSRF); laad de pagina opnieuw.');
}

/** A file over the limit, as the API answers it (the page shows it next to the field, also 413). */
export function tooLarge() {
  return new HttpException(uploadFieldError('TOO_LARGE'), HttpStatus.PAYLOAD_TOO_LARGE);
}

export function uploadFieldError(code: 'TOO_LARGE' | 'INVALID') {
  return {
    field: 'document',
    code,
    message:
      code === 'TOO_LARGE'
        ? 'Het bestand is groter dan 10 MB.'
        : 'Het bestand kon niet gelezen worden; voeg het opnieuw toe.',
  };
}

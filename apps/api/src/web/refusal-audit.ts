import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Request } from 'express';
import { AuditLog, loggableStack } from '@overlegtafels/application';
import type { AuthenticatedRequest } from '@overlegtafels/auth';
import { CLOCK, Clock } from '@overlegtafels/config';
import { isDossierCode } from '@overlegtafels/domain';

/**
 * A login or role refusal (401/403 from the guard) on a route whose path names a dossier is part of
 * that dossier's record (issue #17): who tried, which route, which code, which answer. A dossier
 * code in the path is the only dossier fact a refused request may carry; it is not looked up.
 */
@Injectable()
export class RefusalAudit {
  private readonly logger = new Logger(RefusalAudit.name);

  constructor(
    @Inject(AuditLog) private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async record(req: Request, status: number): Promise<void> {
    const code = Object.values(req.params ?? {}).find(
      (v): v is string => typeof v === 'string' && isDossierCode(v),
    );
    if (!code) return;
    const template = (req.route as { path?: unknown } | undefined)?.path;
    try {
      await this.audit.append(
        {
          actorPersonId: (req as AuthenticatedRequest).principal?.personId ?? null,
          action: 'route.refused',
          entityType: 'dossier',
          entityId: null,
          outcome: 'denied',
          route: `${req.method} ${typeof template === 'string' ? template : req.path}`,
          details: { code, status },
        },
        this.clock.now(),
      );
    } catch (error) {
      // The refusal itself still goes out; the log line says only that its audit row failed.
      this.logger.error(`refusal audit failed: ${loggableStack(error)}`);
    }
  }
}

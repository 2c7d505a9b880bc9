import { Inject, Injectable } from '@nestjs/common';
import { AuditService, hasRole, Principal } from '@overlegtafels/auth';
import { checkManualFulfilment, ObligationRule, Role } from '@overlegtafels/domain';
import { ObligationRepository } from '@overlegtafels/persistence';
import { CLOCK, Clock } from '@overlegtafels/config';
import { ObligationSyncService } from './obligation-sync.service';

export const MAX_NOTE_LENGTH = 2000;

export type MarkDoneResult =
  { readonly ok: true; readonly obligationId: string; readonly dossierId: string } | MarkDoneRefusal;

export interface MarkDoneRefusal {
  readonly ok: false;
  readonly code:
    | 'OBLIGATION_NOT_FOUND'
    | 'OBLIGATION_NOT_OPEN'
    | 'FULFILMENT_NOTE_REQUIRED'
    | 'FULFILMENT_NOTE_TOO_LONG'
    | 'MANUAL_FULFILMENT_NOT_ALLOWED';
  /** Dutch, for the form. */
  readonly message: string;
  readonly status: 400 | 403 | 404 | 409;
}

const NOT_FOUND: MarkDoneRefusal = {
  ok: false,
  code: 'OBLIGATION_NOT_FOUND',
  message: 'Deze opvolgingstaak bestaat niet of u hebt er geen toegang toe.',
  status: 404,
};

/**
 * The manual "done, with a note": the owner for obligations that are done by hand (an alignment
 * with the consulent, the six-month check), a coordinator of the obligation's tables for any
 * obligation (the exceptions life brings). The note stays with the obligation; the audit log
 * gets ids only. The next occurrence of a repeating obligation is planned in the same
 * transaction.
 */
@Injectable()
export class MarkObligationDoneUseCase {
  constructor(
    @Inject(ObligationRepository) private readonly repo: ObligationRepository,
    @Inject(ObligationSyncService) private readonly obligations: ObligationSyncService,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(
    principal: Principal,
    obligationId: string,
    note: unknown,
    route: string,
  ): Promise<MarkDoneResult> {
    const o = await this.repo.findForFulfilment(obligationId);
    const rule = o ? this.obligations.rule(o.ruleKey) : undefined;
    const byRole =
      o && rule && o.regionId === principal.regionId ? this.roleFor(principal, o, rule) : undefined;
    const record = async (outcome: 'allowed' | 'denied', code: string | null) =>
      this.audit.record(principal, {
        action: 'obligation.mark-done',
        entityType: 'obligation',
        entityId: o ? obligationId : null,
        dossierId: o && byRole ? o.dossierId : null,
        route,
        outcome,
        details: { ruleKey: o?.ruleKey ?? null, code },
      });
    if (!o || !rule || !byRole) {
      // The same answer for "does not exist" and "not yours".
      await record('denied', NOT_FOUND.code);
      return NOT_FOUND;
    }
    const text = typeof note === 'string' ? note : '';
    if (text.trim().length > MAX_NOTE_LENGTH) {
      await record('denied', 'FULFILMENT_NOTE_TOO_LONG');
      return {
        ok: false,
        code: 'FULFILMENT_NOTE_TOO_LONG',
        message: `De notitie mag hoogstens ${MAX_NOTE_LENGTH} tekens lang zijn.`,
        status: 400,
      };
    }
    const check = checkManualFulfilment(rule, { status: o.status }, { note: text, byRole });
    if (!check.ok) {
      await record('denied', check.code);
      return {
        ok: false,
        code: check.code,
        message: check.message,
        status:
          check.code === 'OBLIGATION_NOT_OPEN' ? 409 : check.code === 'FULFILMENT_NOTE_REQUIRED' ? 400 : 403,
      };
    }
    const done = await this.repo.transaction(async (tx) => {
      const changed = await this.repo.fulfilManually(
        tx,
        o.id,
        principal.personId,
        check.note,
        this.clock.now(),
      );
      if (changed) await this.obligations.syncDossier(tx, o.dossierId);
      return changed;
    });
    if (!done) {
      await record('denied', 'OBLIGATION_NOT_OPEN');
      return {
        ok: false,
        code: 'OBLIGATION_NOT_OPEN',
        message: 'Deze opvolgingstaak is niet meer open.',
        status: 409,
      };
    }
    await record('allowed', null);
    return { ok: true, obligationId: o.id, dossierId: o.dossierId };
  }

  /** The role the person acts in for this obligation, or undefined when they have no business with it. */
  private roleFor(
    principal: Principal,
    o: { casusregisseurId: string | null; tableKey: string | null },
    rule: ObligationRule,
  ): Role | undefined {
    const tables = new Set<string>();
    if (rule.owner.role === 'coordinator') tables.add(rule.owner.table);
    if (rule.escalation?.to.role === 'coordinator') tables.add(rule.escalation.to.table);
    if (o.tableKey) tables.add(o.tableKey);
    if ([...tables].some((t) => hasRole(principal, 'coordinator', t))) return 'coordinator';
    if (o.casusregisseurId === principal.personId && hasRole(principal, 'casusregisseur'))
      return 'casusregisseur';
    return undefined;
  }
}

import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@overlegtafels/auth';
import { CLOCK, Clock } from '@overlegtafels/config';
import { formOf, ObligationForm, ObligationRule, Role, vervolghulpKinds } from '@overlegtafels/domain';
import type { Transaction } from '../ports/unit-of-work.port';
import { AgendaRefusal } from '../errors';
import { AuditLog } from '../ports/audit-log.port';
import { ObligationRepository, ObligationToFulfil } from '../ports/obligation.repository.port';
import { obligationRoleFor } from './obligation-access';
import { ObligationRules } from './obligation-rules';
import { withinRegion } from '../region-fence/region-fence';

export interface OpenForForm {
  readonly obligation: ObligationToFulfil;
  readonly rule: ObligationRule;
  /** The role the person fills it in as. */
  readonly role: Role;
  /** The kinds of help the region's six-month report offers (vervolghulpKinds). */
  readonly helpKinds: readonly string[];
}

/** The in-transaction refusal of a form whose obligation is no longer open. */
export function isNotOpen(error: unknown): boolean {
  return error instanceof AgendaRefusal && error.code === 'OBLIGATION_NOT_OPEN';
}

export const OBLIGATION_NOT_FOUND_MESSAGE = 'Deze opvolgingstaak bestaat niet of u hebt er geen toegang toe.';

/**
 * What every form that fulfils an obligation checks first: the obligation exists, its rule is
 * fulfilled by this form, the person may fill it in (need-to-know: otherwise the same "not found"
 * as for an unknown id, and the refusal stays in the audit log), and it is still open.
 */
@Injectable()
export class ObligationFormGate {
  constructor(
    @Inject(ObligationRepository) private readonly obligations: ObligationRepository,
    @Inject(ObligationRules) private readonly rules: ObligationRules,
    @Inject(AuditLog) private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async open(
    principal: Principal,
    obligationId: string,
    form: ObligationForm,
    route: string,
    mayFill: (role: Role, rule: ObligationRule) => boolean,
    /**
     * False for a submission with a one-time key: a repeat of one that fulfilled the obligation
     * answers its first result, so whether it is still open is checked in the transaction, after
     * the key (`notOpen` below for the refusal's audit).
     */
    checkOpen = true,
  ): Promise<OpenForForm> {
    const o = await withinRegion(
      this.audit,
      principal,
      await this.obligations.findToFulfil(obligationId),
      () => ({
        action: 'obligation.form',
        entityType: 'obligation',
        entityId: obligationId,
        dossierId: null,
      }),
      this.clock.now(),
    );
    const rule = o ? this.rules.rule(o.ruleKey) : undefined;
    const role = o && rule && formOf(rule) === form ? obligationRoleFor(principal, o, rule) : undefined;
    if (!o || !rule || !role || !mayFill(role, rule)) {
      await this.record(principal, route, form, o, 'denied', { code: 'OBLIGATION_NOT_FOUND' }, !!role);
      throw new AgendaRefusal('OBLIGATION_NOT_FOUND', OBLIGATION_NOT_FOUND_MESSAGE, undefined, 'not_found');
    }
    if (checkOpen && o.status !== 'open') throw await this.notOpen(principal, route, form, o);
    return { obligation: o, rule, role, helpKinds: vervolghulpKinds(this.rules.region) };
  }

  /** The refusal of a form for an obligation that is no longer open, its audit event written. */
  async notOpen(
    principal: Principal,
    route: string,
    form: ObligationForm,
    o: ObligationToFulfil,
  ): Promise<AgendaRefusal> {
    await this.record(principal, route, form, o, 'denied', { code: 'OBLIGATION_NOT_OPEN' }, true);
    return new AgendaRefusal(
      'OBLIGATION_NOT_OPEN',
      'Deze opvolgingstaak is niet meer open: het formulier werd al ingevuld of de taak vervalt.',
      undefined,
      'conflict',
    );
  }

  /** The audit event of a form: ids, codes and the form's outcome only, never the answers. */
  record(
    principal: Principal,
    route: string,
    form: ObligationForm,
    o: ObligationToFulfil | undefined,
    outcome: 'allowed' | 'denied',
    details: Record<string, string | boolean | null>,
    knowsDossier: boolean,
    tx?: Transaction,
  ): Promise<void> {
    return this.audit.append(
      {
        actorPersonId: principal.personId,
        action: 'obligation.form',
        entityType: 'obligation',
        entityId: o?.id ?? null,
        dossierId: o && knowsDossier ? o.dossierId : null,
        route,
        outcome,
        details: { form, ruleKey: o?.ruleKey ?? null, ...details },
      },
      this.clock.now(),
      tx,
    );
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { hasRole, Principal } from '@overlegtafels/auth';
import { checkManualFulfilment, isActionPointRuleKey, ObligationRule, Role } from '@overlegtafels/domain';
import { CLOCK, Clock } from '@overlegtafels/config';
import { AuditLog } from '../ports/audit-log.port';
import type { RefusalKind } from '../errors/refusal-kind';
import { ObligationRepository, ObligationToFulfil } from '../ports/obligation.repository.port';
import { type Transaction, UnitOfWork } from '../ports/unit-of-work.port';
import { ObligationRules } from '../obligations/obligation-rules';
import { SyncDossierObligationsUseCase } from '../sync-dossier-obligations/sync-dossier-obligations.usecase';
import type { MarkObligationDoneCommand } from './mark-obligation-done.command';
import { withinRegion } from '../region-fence/region-fence';
import { SubmittedOnce } from '../submissions/submitted-once';

export const MAX_NOTE_LENGTH = 2000;

/** The ledger's scope of the one-time key of "Markeer als afgerond". */
export const OBLIGATION_DONE_SCOPE = 'obligation-done';

export type MarkDoneRefusalCode =
  | 'OBLIGATION_NOT_FOUND'
  | 'OBLIGATION_NOT_OPEN'
  | 'FULFILMENT_NOTE_REQUIRED'
  | 'FULFILMENT_NOTE_TOO_LONG'
  | 'MANUAL_FULFILMENT_NOT_ALLOWED';

export interface MarkDoneRefusal {
  readonly ok: false;
  readonly code: MarkDoneRefusalCode;
  /** Dutch, for the form. */
  readonly message: string;
  readonly kind: RefusalKind;
}

export type MarkDoneResult =
  { readonly ok: true; readonly obligationId: string; readonly dossierId: string } | MarkDoneRefusal;

const KIND: Record<MarkDoneRefusalCode, RefusalKind> = {
  OBLIGATION_NOT_FOUND: 'not_found',
  OBLIGATION_NOT_OPEN: 'conflict',
  FULFILMENT_NOTE_REQUIRED: 'invalid',
  FULFILMENT_NOTE_TOO_LONG: 'invalid',
  MANUAL_FULFILMENT_NOT_ALLOWED: 'forbidden',
};

const refusal = (code: MarkDoneRefusalCode, message: string): MarkDoneRefusal => ({
  ok: false,
  code,
  message,
  kind: KIND[code],
});

const NOT_FOUND = refusal(
  'OBLIGATION_NOT_FOUND',
  'Deze opvolgingstaak bestaat niet of u hebt er geen toegang toe.',
);

/**
 * The manual "done, with a note": the owner for obligations that are done by hand (an alignment
 * with the consulent, the six-month check), a coordinator of the obligation's tables for any
 * obligation (the exceptions life brings). The note stays with the obligation; the audit log
 * gets ids only. The next occurrence of a repeating obligation is planned in the same
 * transaction. One press marks once: with the form's key (or an Idempotency-Key) a repeat answers
 * as the first did, not "no longer open", and writes nothing.
 */
@Injectable()
export class MarkObligationDoneUseCase {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(ObligationRepository) private readonly obligations: ObligationRepository,
    @Inject(SyncDossierObligationsUseCase) private readonly sync: SyncDossierObligationsUseCase,
    @Inject(ObligationRules) private readonly rules: ObligationRules,
    @Inject(AuditLog) private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SubmittedOnce) private readonly once: Pick<SubmittedOnce, 'run'>,
  ) {}

  async execute(principal: Principal, command: MarkObligationDoneCommand): Promise<MarkDoneResult> {
    const o = await withinRegion(
      this.audit,
      principal,
      await this.obligations.findToFulfil(command.obligationId),
      (f) => ({
        action: 'obligation.mark-done',
        entityType: 'obligation',
        entityId: command.obligationId,
        dossierId: f.dossierId,
      }),
      this.clock.now(),
    );
    const rule = o ? this.rules.rule(o.ruleKey) : undefined;
    const byRole = o && rule ? roleFor(principal, o, rule) : undefined;
    const record = async (outcome: 'allowed' | 'denied', code: string | null, tx?: Transaction) =>
      this.audit.append(
        {
          actorPersonId: principal.personId,
          action: 'obligation.mark-done',
          entityType: 'obligation',
          entityId: o ? command.obligationId : null,
          dossierId: o && byRole ? o.dossierId : null,
          route: command.route,
          outcome,
          details: { ruleKey: o?.ruleKey ?? null, code },
        },
        this.clock.now(),
        tx,
      );
    if (!o || !rule || !byRole) {
      // The same answer for "does not exist" and "not yours".
      await record('denied', NOT_FOUND.code);
      return NOT_FOUND;
    }
    if (command.note.trim().length > MAX_NOTE_LENGTH) {
      await record('denied', 'FULFILMENT_NOTE_TOO_LONG');
      return refusal(
        'FULFILMENT_NOTE_TOO_LONG',
        `De notitie mag hoogstens ${MAX_NOTE_LENGTH} tekens lang zijn.`,
      );
    }
    const ok = { ok: true as const, obligationId: o.id, dossierId: o.dossierId };
    try {
      const { result } = await this.uow.run((tx) =>
        this.once.run(
          tx,
          {
            actorPersonId: principal.personId,
            scope: OBLIGATION_DONE_SCOPE,
            ...(command.submissionKey && { key: command.submissionKey }),
            content: { obligationId: o.id, note: command.note },
            at: this.clock.now(),
            resultIdOf: (r) => r.obligationId,
          },
          async () => {
            const check = checkManualFulfilment(rule, { status: o.status }, { note: command.note, byRole });
            if (!check.ok) throw new Refused(refusal(check.code, check.message));
            const changed = await this.obligations.fulfilManually(
              tx,
              o.id,
              principal.personId,
              check.note,
              this.clock.now(),
            );
            if (!changed) {
              throw new Refused(refusal('OBLIGATION_NOT_OPEN', 'Deze opvolgingstaak is niet meer open.'));
            }
            await this.sync.execute(tx, { dossierId: o.dossierId });
            await record('allowed', null, tx);
            return ok;
          },
        ),
      );
      return result;
    } catch (error) {
      // A refusal rolled the transaction back and leaves the key free; it is audited on its own.
      if (!(error instanceof Refused)) throw error;
      await record('denied', error.refusal.code);
      return error.refusal;
    }
  }
}

/** A refusal inside the transaction: it rolls back, and the use case answers it as a value. */
class Refused extends Error {
  constructor(readonly refusal: MarkDoneRefusal) {
    super(refusal.code);
  }
}

/** The role the person acts in for this obligation, or undefined when they have no business with it. */
function roleFor(principal: Principal, o: ObligationToFulfil, rule: ObligationRule): Role | undefined {
  const tables = new Set<string>();
  if (rule.owner.role === 'coordinator') tables.add(rule.owner.table);
  if (rule.escalation?.to.role === 'coordinator') tables.add(rule.escalation.to.table);
  if (o.tableKey) tables.add(o.tableKey);
  if ([...tables].some((t) => hasRole(principal, 'coordinator', t))) return 'coordinator';
  // An action point of a verslag: its named owner acts in the owner's place, nobody else.
  if (isActionPointRuleKey(o.ruleKey)) return o.ownerId === principal.personId ? rule.owner.role : undefined;
  if (o.casusregisseurId === principal.personId && hasRole(principal, 'casusregisseur'))
    return 'casusregisseur';
  return undefined;
}

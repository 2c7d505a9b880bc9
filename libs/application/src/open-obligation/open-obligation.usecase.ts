import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@overlegtafels/auth';
import { CLOCK, Clock } from '@overlegtafels/config';
import { formOf, Role } from '@overlegtafels/domain';
import { AgendaRefusal } from '../errors';
import { obligationRoleFor } from '../obligations/obligation-access';
import { OBLIGATION_NOT_FOUND_MESSAGE } from '../obligations/obligation-form-gate';
import { ObligationRules } from '../obligations/obligation-rules';
import { obligationView, ObligationView } from '../obligations/obligation-view';
import { AuditLog } from '../ports/audit-log.port';
import { ObligationReadModel } from '../ports/obligation-read-model.port';
import { ObligationReport, ObligationRepository } from '../ports/obligation.repository.port';
import type { OpenObligationCommand } from './open-obligation.command';

export interface ObligationPage {
  readonly obligation: ObligationView;
  /** The role the person sees it in. */
  readonly actingAs: Role;
  /** The obligation is open and done by a form this person may fill in. */
  readonly canFill: boolean;
  /** The obligation is open and this person may mark it done with a note. */
  readonly canMarkDone: boolean;
  /** The answers of its form, once submitted. */
  readonly report: ObligationReport | null;
}

/**
 * One obligation's page: what is due and when, and the way its owner fulfils it (the agendering
 * link, the note, or its form). For its owner — the dossier's current casusregisseur, the
 * strategic coordinators — and the coordinators of its tables; everyone else, and every unknown
 * id, gets the same "not found". Every look is audited.
 */
@Injectable()
export class OpenObligationUseCase {
  constructor(
    @Inject(ObligationRepository) private readonly obligations: ObligationRepository,
    @Inject(ObligationReadModel) private readonly reads: ObligationReadModel,
    @Inject(ObligationRules) private readonly rules: ObligationRules,
    @Inject(AuditLog) private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(
    principal: Principal,
    { obligationId, route }: OpenObligationCommand,
  ): Promise<ObligationPage> {
    const now = this.clock.now();
    const o = await this.obligations.findToFulfil(obligationId);
    const rule = o ? this.rules.rule(o.ruleKey) : undefined;
    const role = o && rule ? obligationRoleFor(principal, o, rule) : undefined;
    const [row] = o && role ? await this.reads.list({ regionId: o.regionId, obligationId: o.id }) : [];
    await this.audit.append(
      {
        actorPersonId: principal.personId,
        action: 'obligation.read',
        entityType: 'obligation',
        entityId: o?.id ?? null,
        dossierId: row ? o!.dossierId : null,
        route,
        outcome: row ? 'allowed' : 'denied',
        details: { ruleKey: o?.ruleKey ?? null },
      },
      now,
    );
    if (!o || !rule || !role || !row) {
      throw new AgendaRefusal('OBLIGATION_NOT_FOUND', OBLIGATION_NOT_FOUND_MESSAGE, undefined, 'not_found');
    }
    const open = o.status === 'open';
    const form = formOf(rule);
    const manualIsNormal = rule.fulfilledBy.some((f) => f.kind === 'manual');
    return {
      obligation: obligationView(row, this.rules, now.getTime()),
      actingAs: role,
      canFill:
        open &&
        form !== undefined &&
        (form === 'kwaliteitscontrole' ? role === 'strategisch-coordinator' : true),
      canMarkDone: open && (role === 'coordinator' || (manualIsNormal && role === rule.owner.role)),
      report: (await this.obligations.reportOf(o.id)) ?? null,
    };
  }
}

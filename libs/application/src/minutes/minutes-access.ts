import { Inject, Injectable } from '@nestjs/common';
import { hasRole, Principal } from '@overlegtafels/auth';
import { CLOCK, Clock } from '@overlegtafels/config';
import {
  MinutesActorFacts,
  MinutesCheck,
  MinutesStateFacts,
  OrganisationKinds,
  TableDefinition,
} from '@overlegtafels/domain';
import { AgendaRefusal } from '../errors';
import { ObligationRules } from '../obligations/obligation-rules';
import { AuditLog } from '../ports/audit-log.port';
import { withinRegion } from '../region-fence/region-fence';
import { MinutesSession, MinutesState, SessionMinutesRepository } from '../ports/session-minutes.port';
import type { Transaction } from '../ports/unit-of-work.port';

export const SESSION_NOT_FOUND = 'Zitting niet gevonden.';

export interface MinutesContext {
  readonly session: MinutesSession;
  readonly table: TableDefinition;
  /** The region's organisation kinds, for the partners' names. */
  readonly organisationKinds: OrganisationKinds;
  readonly actor: MinutesActorFacts;
}

/** The refusal codes of the minutes rules that are about the state, not the person. */
const CONFLICTS = new Set([
  'SESSION_NOT_HELD',
  'MINUTES_CLOSED',
  'MINUTES_NOT_CLOSED',
  'MINUTES_ALREADY_CLOSED',
]);

/**
 * What every use case of a verslag does first: the session exists in the actor's region (another
 * region's answers "not found" like one that does not exist), and who the actor is at its table.
 * Refusals are audited outside the transaction, so they stay.
 */
@Injectable()
export class MinutesAccess {
  constructor(
    @Inject(SessionMinutesRepository) private readonly minutes: SessionMinutesRepository,
    @Inject(ObligationRules) private readonly rules: ObligationRules,
    @Inject(AuditLog) private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async open(
    principal: Principal,
    sessionId: string,
    action: string,
    route: string,
  ): Promise<MinutesContext> {
    const found = await this.minutes.session(undefined, sessionId);
    // Another region's session: the fence audits the attempt and answers as for none.
    const session = await withinRegion(
      this.audit,
      { personId: principal.personId, regionId: principal.regionId, route },
      found,
      (s) => ({ action, entityType: 'session', entityId: s.id }),
      this.clock.now(),
    );
    const table = session && this.rules.region.tables.find((t) => t.key === session.tableKey);
    if (!session || !table) {
      await this.record(principal, action, route, null, 'denied', { code: 'SESSION_NOT_FOUND' });
      throw new AgendaRefusal('SESSION_NOT_FOUND', SESSION_NOT_FOUND, undefined, 'not_found');
    }
    const tableFunction = await this.minutes.tableFunctionOf(
      principal.regionId,
      table.key,
      principal.personId,
    );
    return {
      session,
      table,
      organisationKinds: this.rules.region.organisationKinds,
      actor: { coordinator: hasRole(principal, 'coordinator', table.key), tableFunction },
    };
  }

  /**
   * Locks the verslag for the change (so a closing and an edit never interleave) and asks the
   * rule whether it may happen now; throws, after auditing the refusal, when it may not.
   */
  async lock(
    tx: Transaction,
    principal: Principal,
    ctx: MinutesContext,
    rule: (actor: MinutesActorFacts, state: MinutesStateFacts) => MinutesCheck,
    action: string,
    route: string,
  ): Promise<MinutesState> {
    const state = await this.minutes.lockMinutes(tx, ctx.session.id);
    await this.require(
      principal,
      ctx,
      rule(ctx.actor, this.stateOf(ctx, state.closedAt !== null)),
      action,
      route,
    );
    return state;
  }

  /** Throws (after auditing the refusal) when the rule says no. */
  async require(
    principal: Principal,
    ctx: MinutesContext,
    check: MinutesCheck,
    action: string,
    route: string,
  ): Promise<void> {
    if (check.ok) return;
    await this.record(principal, action, route, ctx.session.id, 'denied', { code: check.code });
    const kind =
      check.code === 'MINUTES_NOT_ALLOWED'
        ? 'forbidden'
        : CONFLICTS.has(check.code)
          ? 'conflict'
          : 'unprocessable';
    throw new AgendaRefusal(check.code, check.message, undefined, kind);
  }

  /** An audit event about the verslag of a session: ids, codes and counts only. */
  record(
    principal: Principal,
    action: string,
    route: string,
    sessionId: string | null,
    outcome: 'allowed' | 'denied',
    details: Record<string, string | number | boolean | null>,
    tx?: Transaction,
    dossierId?: string | null,
  ): Promise<void> {
    return this.audit.append(
      {
        actorPersonId: principal.personId,
        action,
        entityType: 'session',
        entityId: sessionId,
        dossierId: dossierId ?? null,
        route,
        outcome,
        details,
      },
      this.clock.now(),
      tx,
    );
  }

  now(): Date {
    return this.clock.now();
  }

  get timeZone(): string {
    return this.rules.timeZone;
  }

  stateOf(ctx: MinutesContext, closed: boolean): MinutesStateFacts {
    return {
      sessionStatus: ctx.session.status,
      started: ctx.session.startsAt.getTime() <= this.clock.now().getTime(),
      closed,
    };
  }
}

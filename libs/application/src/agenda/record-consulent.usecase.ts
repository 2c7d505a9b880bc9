import { Inject, Injectable, Optional } from '@nestjs/common';
import { DateTime } from 'luxon';
import { AgendaRepository, AuditRepository, DossierRepository } from '@overlegtafels/persistence';
import { CLOCK, Clock } from '../clock';
import { AgendaRefusal, ConsulentSchema, parseInput } from './agenda-input';
import { AgendaService } from './agenda.service';
import { Actor } from './agenda-views';
import { DOSSIER_CHANGE_HOOKS, DossierChangeHook } from './dossier-change-hooks';

export interface ConsulentActor extends Actor {
  /** A coordinator of the region (every dossier) or else only the dossier's own casusregisseur. */
  readonly coordinator: boolean;
}

export interface ConsulentState {
  readonly involved: boolean;
  /** YYYY-MM-DD, Brussels calendar date. */
  readonly since: string | null;
  readonly email: string | null;
}

/**
 * The casusregisseur (or a coordinator) records that an OCJ/SDJ consulent is involved in the
 * dossier from a given day, or no longer. In the same transaction the follow-up obligations are
 * re-planned: the three-monthly alignment counts from that day (or from the start of casusregie,
 * if later) and ends with the involvement; an alignment already done stays done.
 */
@Injectable()
export class RecordConsulentUseCase {
  constructor(
    @Inject(AgendaRepository) private readonly repo: AgendaRepository,
    @Inject(DossierRepository) private readonly dossiers: DossierRepository,
    @Inject(AuditRepository) private readonly audit: AuditRepository,
    @Inject(AgendaService) private readonly agenda: AgendaService,
    @Inject(CLOCK) private readonly clock: Clock,
    @Optional() @Inject(DOSSIER_CHANGE_HOOKS) private readonly hooks: DossierChangeHook[] | null,
  ) {}

  /** `dossierId` comes from a read the caller has audited (need-to-know decided there). */
  async execute(actor: ConsulentActor, dossierId: string, body: unknown): Promise<ConsulentState> {
    const form = parseInput(ConsulentSchema, body);
    const zone = this.agenda.region.timeZone;
    const now = this.clock.now();
    const today = DateTime.fromJSDate(now, { zone }).toISODate()!;
    if (form.involved && form.since! > today) {
      throw new AgendaRefusal(
        'SINCE_IN_FUTURE',
        'Betrokken sinds kan niet in de toekomst liggen.',
        'since',
        422,
      );
    }
    return this.repo.transaction(async (tx) => {
      const dossier = await this.dossiers.stateOf(tx, dossierId);
      if (!dossier || dossier.regionId !== actor.regionId) {
        throw new AgendaRefusal('DOSSIER_NOT_FOUND', 'Dossier niet gevonden.', undefined, 404);
      }
      const allowed = actor.coordinator || dossier.casusregisseurId === actor.personId;
      if (!allowed) {
        await this.audit.append(
          {
            actorPersonId: actor.personId,
            action: 'dossier.consulent',
            entityType: 'dossier',
            entityId: dossier.id,
            dossierId: dossier.id,
            outcome: 'denied',
            route: actor.route,
            details: { code: dossier.code },
          },
          now,
          tx,
        );
        throw new AgendaRefusal(
          'NOT_CASUSREGISSEUR',
          'Alleen de casusregisseur van het dossier of een coördinator registreert de consulent.',
          undefined,
          403,
        );
      }
      const state: ConsulentState = {
        involved: form.involved,
        since: form.involved ? form.since! : null,
        email: form.involved ? (form.email ?? null) : null,
      };
      await this.dossiers.setConsulent(tx, dossier.id, {
        involved: state.involved,
        since: state.since ? new Date(`${state.since}T00:00:00Z`) : null,
        email: state.email,
      });
      for (const hook of this.hooks ?? []) await hook.dossierChanged(tx, dossier.id);
      await this.audit.append(
        {
          actorPersonId: actor.personId,
          action: 'dossier.consulent',
          entityType: 'dossier',
          entityId: dossier.id,
          dossierId: dossier.id,
          outcome: 'allowed',
          route: actor.route,
          // The consulent's address stays in the dossier row.
          details: { code: dossier.code, involved: state.involved, since: state.since },
        },
        now,
        tx,
      );
      return state;
    });
  }
}

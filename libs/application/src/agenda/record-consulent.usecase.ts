import { Inject, Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import {
  AgendaRepository,
  AuditRepository,
  DossierRepository,
  Transaction,
} from '@overlegtafels/persistence';
import { CLOCK, Clock } from '@overlegtafels/config';
import { AgendaRefusal, ConsulentSchema, parseInput } from './agenda-input';
import { AgendaService } from './agenda.service';
import { Actor } from './agenda-views';
import { DossierChanged } from '../ports/dossier-changed.port';
import { dateOnly } from './dossier-state';

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
    @Inject(DossierChanged) private readonly dossierChanged: DossierChanged,
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
        'unprocessable',
      );
    }
    // Who may: checked before the change, so a refusal's audit event is not rolled back with it.
    const seen = await this.dossiers.stateOf(undefined, dossierId);
    if (!seen || seen.regionId !== actor.regionId) {
      throw new AgendaRefusal('DOSSIER_NOT_FOUND', 'Dossier niet gevonden.', undefined, 'not_found');
    }
    const audit = (outcome: 'allowed' | 'denied', details: Record<string, unknown>, tx?: Transaction) =>
      this.audit.append(
        {
          actorPersonId: actor.personId,
          action: 'dossier.consulent',
          entityType: 'dossier',
          entityId: seen.id,
          dossierId: seen.id,
          outcome,
          route: actor.route,
          details: { code: seen.code, ...details },
        },
        now,
        tx,
      );
    if (!actor.coordinator && seen.casusregisseurId !== actor.personId) {
      await audit('denied', {});
      throw new AgendaRefusal(
        'NOT_CASUSREGISSEUR',
        'Alleen de casusregisseur van het dossier of een coördinator registreert de consulent.',
        undefined,
        'forbidden',
      );
    }
    return this.repo.transaction(async (tx) => {
      const state: ConsulentState = {
        involved: form.involved,
        since: form.involved ? form.since! : null,
        email: form.involved ? (form.email ?? null) : null,
      };
      await this.dossiers.setConsulent(tx, seen.id, {
        involved: state.involved,
        since: state.since ? dateOnly(state.since) : null,
        email: state.email,
      });
      await this.dossierChanged.dossierChanged(tx, seen.id);
      // The consulent's address stays in the dossier row.
      await audit('allowed', { involved: state.involved, since: state.since }, tx);
      return state;
    });
  }
}

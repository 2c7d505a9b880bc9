import { Inject, Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { APP_CONFIG, AppConfig, CLOCK, Clock } from '@overlegtafels/config';
import { auditRecorded, dossierForCasusregisseur } from '../agenda/casusregisseur-guard';
import { AgendaRefusal } from '../errors';
import { AuditLog } from '../ports/audit-log.port';
import { DossierChanged } from '../ports/dossier-changed.port';
import { DossierRepository } from '../ports/dossier.repository.port';
import { UnitOfWork } from '../ports/unit-of-work.port';
import { regionTimeZone } from '../region-time-zone';
import { RecordConsulentCommand } from './record-consulent.command';
import { SubmittedOnce } from '../submissions/submitted-once';

export interface ConsulentState {
  readonly involved: boolean;
  /** YYYY-MM-DD, Brussels calendar date. */
  readonly since: string | null;
  readonly email: string | null;
}

/** The ledger's scope of the consulent form's one-time key. */
export const CONSULENT_SCOPE = 'consulent';

/**
 * The casusregisseur (or a coordinator) records that an OCJ/SDJ consulent is involved in the
 * dossier from a given day, or no longer. In the same transaction the follow-up obligations are
 * re-planned: the three-monthly alignment counts from that day (or from the start of casusregie,
 * if later) and ends with the involvement; an alignment already done stays done. With the form's
 * key (or an Idempotency-Key) a repeat answers as the first and writes and audits nothing.
 */
@Injectable()
export class RecordConsulentUseCase {
  /** The time zone of the region the work runs in (the actor's). */
  private get zone(): string {
    return regionTimeZone(this.config);
  }

  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(DossierRepository) private readonly dossiers: DossierRepository,
    @Inject(AuditLog) private readonly audit: AuditLog,
    @Inject(DossierChanged) private readonly dossierChanged: DossierChanged,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(SubmittedOnce) private readonly once: Pick<SubmittedOnce, 'run'>,
  ) {}

  async execute({
    actor,
    dossierId,
    involvement,
    submissionKey,
  }: RecordConsulentCommand): Promise<ConsulentState> {
    const now = this.clock.now();
    const today = DateTime.fromJSDate(now, { zone: this.zone }).toISODate()!;
    if (involvement.involved && involvement.since > today) {
      throw new AgendaRefusal(
        'SINCE_IN_FUTURE',
        'Betrokken sinds kan niet in de toekomst liggen.',
        'since',
        'unprocessable',
      );
    }
    // Who may: checked before the change, so a refusal's audit event is not rolled back with it.
    const seen = await dossierForCasusregisseur(
      this.dossiers,
      this.audit,
      actor,
      dossierId,
      'dossier.consulent',
      now,
    );
    const state: ConsulentState = involvement.involved
      ? { involved: true, since: involvement.since, email: involvement.email }
      : { involved: false, since: null, email: null };
    return this.uow.run(async (tx) => {
      const once = await this.once.run(
        tx,
        {
          actorPersonId: actor.personId,
          scope: CONSULENT_SCOPE,
          ...(submissionKey && { key: submissionKey }),
          content: { dossierId: seen.id, state },
          at: now,
        },
        async () => {
          await this.dossiers.recordConsulent(tx, seen.id, involvement);
          await this.dossierChanged.dossierChanged(tx, seen.id);
          // The consulent's address stays in the dossier row.
          await auditRecorded(
            this.audit,
            actor,
            seen,
            'dossier.consulent',
            { involved: state.involved, since: state.since },
            now,
            tx,
          );
          // The ledger keeps ids and dates only: the address is not stored with the first answer.
          return { involved: state.involved, since: state.since };
        },
      );
      // A repeat carries the same content as the first (its fingerprint says so), so the address
      // it answers with is the one sent now.
      return { ...once.result, email: state.email };
    });
  }
}

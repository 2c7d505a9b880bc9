import { Inject, Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { APP_CONFIG, AppConfig, CLOCK, Clock } from '@overlegtafels/config';
import { recordConsulentConsultation } from '@overlegtafels/domain';
import { auditRecorded, dossierForCasusregisseur, refusalOf } from '../agenda/casusregisseur-guard';
import { toDossierState } from '../agenda/dossier-state';
import { AuditLog } from '../ports/audit-log.port';
import { DossierChanged } from '../ports/dossier-changed.port';
import { DossierRepository } from '../ports/dossier.repository.port';
import { UnitOfWork } from '../ports/unit-of-work.port';
import { regionTimeZone, scopedRegion } from '../region-time-zone';
import { RecordConsulentConsultationCommand } from './record-consulent-consultation.command';
import { SubmittedOnce } from '../submissions/submitted-once';

export interface ConsulentConsultationResult {
  readonly code: string;
  /** YYYY-MM-DD */
  readonly consultedOn: string;
}

/** The ledger's scope of a consultation's one-time key. */
export const CONSULTATION_SCOPE = 'consulent-consultation';

/**
 * The casusregisseur (or a coordinator) records that the OCJ/SDJ consulent was consulted about the
 * afronding (annex B: they align before proceeding to afronding): the day and a short note. In the
 * same transaction the obligation is fulfilled; the Weegploeg can then approve the afronding.
 */
@Injectable()
export class RecordConsulentConsultationUseCase {
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
    @Inject(SubmittedOnce) private readonly once: SubmittedOnce,
  ) {}

  async execute({
    actor,
    dossierId,
    consultation,
    submissionKey,
  }: RecordConsulentConsultationCommand): Promise<ConsulentConsultationResult> {
    const now = this.clock.now();
    const seen = await dossierForCasusregisseur(
      this.dossiers,
      this.audit,
      actor,
      dossierId,
      'dossier.consulent-geconsulteerd',
      now,
    );
    return this.uow.run(async (tx) => {
      const once = await this.once.run(
        tx,
        {
          actorPersonId: actor.personId,
          scope: CONSULTATION_SCOPE,
          key: submissionKey,
          content: { dossierId: seen.id, consultation },
          at: now,
        },
        async () => {
          const row = (await this.dossiers.byId(tx, seen.id))!;
          const outcome = recordConsulentConsultation(toDossierState(row, this.zone), consultation, {
            today: DateTime.fromJSDate(now, { zone: this.zone }).toISODate()!,
            life: scopedRegion(this.config).dossierLife,
          });
          if (!outcome.ok) throw refusalOf(outcome);
          const consultedOn = outcome.next.consulentConsultedOn!;
          await this.dossiers.recordConsulentConsultation(tx, row.id, {
            consultedOn,
            note: consultation.note,
            consultedById: actor.personId,
          });
          await this.dossierChanged.dossierChanged(tx, row.id);
          // The note stays in the dossier row.
          await auditRecorded(
            this.audit,
            actor,
            row,
            'dossier.consulent-geconsulteerd',
            { consultedOn },
            now,
            tx,
          );
          return { code: row.code, consultedOn };
        },
      );
      return once.result;
    });
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { APP_CONFIG, AppConfig, CLOCK, Clock } from '@overlegtafels/config';
import { recordConsent } from '@overlegtafels/domain';
import { auditRecorded, dossierForCasusregisseur, refusalOf } from '../agenda/casusregisseur-guard';
import { toDossierState } from '../agenda/dossier-state';
import { AuditLog } from '../ports/audit-log.port';
import { DossierChanged } from '../ports/dossier-changed.port';
import { DossierRepository } from '../ports/dossier.repository.port';
import { UnitOfWork } from '../ports/unit-of-work.port';
import { regionTimeZone, scopedRegion } from '../region-time-zone';
import { RecordConsentCommand } from './record-consent.command';
import { SubmittedOnce } from '../submissions/submitted-once';

export interface ConsentResult {
  readonly code: string;
  readonly consent: { readonly givenBy: string; readonly verifiedOn: string };
  /** YYYY-MM-DD: the start of casusregie, set now when casusregie was waiting for the consent. */
  readonly casusregieStartDate: string;
  /** Casusregie started with this consent (it was "in afwachting van instemming"). */
  readonly started: boolean;
}

/** The ledger's scope of a consent's one-time key. */
export const CONSENT_SCOPE = 'consent';

/**
 * The casusregisseur (or a coordinator) records that an adult family member consented (guide
 * III.B): who (a role, not a name), verified by whom, on which day. Casusregie that waited for it
 * starts (libs/domain decides the day), and in the same transaction the obligations follow: the
 * consent obligation is fulfilled and everything that counts from the start is planned.
 */
@Injectable()
export class RecordConsentUseCase {
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

  async execute({ actor, dossierId, consent, submissionKey }: RecordConsentCommand): Promise<ConsentResult> {
    const now = this.clock.now();
    const seen = await dossierForCasusregisseur(
      this.dossiers,
      this.audit,
      actor,
      dossierId,
      'dossier.instemming',
      now,
    );
    return this.uow.run(async (tx) => {
      const once = await this.once.run(
        tx,
        {
          actorPersonId: actor.personId,
          scope: CONSENT_SCOPE,
          key: submissionKey,
          content: { dossierId: seen.id, consent },
          at: now,
        },
        async () => {
          const row = (await this.dossiers.byId(tx, seen.id))!;
          const outcome = recordConsent(
            toDossierState(row, this.zone),
            { ...consent, verifiedById: actor.personId },
            {
              today: DateTime.fromJSDate(now, { zone: this.zone }).toISODate()!,
              life: scopedRegion(this.config).dossierLife,
            },
          );
          if (!outcome.ok) throw refusalOf(outcome);
          const { next } = outcome;
          const verifiedOn = next.consent!.verifiedOn;
          const startDate = next.casusregieStartDate!;
          await this.dossiers.recordConsent(
            tx,
            row.id,
            {
              verifiedAt: DateTime.fromISO(verifiedOn, { zone: this.zone }).toJSDate(),
              verifiedById: actor.personId,
              givenBy: next.consent!.givenBy!,
            },
            startDate,
          );
          await this.dossierChanged.dossierChanged(tx, row.id);
          const started = outcome.effects.some((e) => e.type === 'casusregie-gestart');
          // Who consented stays in the dossier row: the log keeps that and when, not who.
          await auditRecorded(
            this.audit,
            actor,
            row,
            'dossier.instemming',
            {
              verifiedOn,
              casusregieStartDate: startDate,
              started,
            },
            now,
            tx,
          );
          return {
            code: row.code,
            consent: { givenBy: next.consent!.givenBy!, verifiedOn },
            casusregieStartDate: startDate,
            started,
          };
        },
      );
      return once.result;
    });
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { APP_CONFIG, AppConfig, CLOCK, Clock } from '@overlegtafels/config';
import { correctCasusregieStart } from '@overlegtafels/domain';
import { AgendaRefusal } from '../errors';
import { toDossierState } from '../agenda/dossier-state';
import { AuditLog } from '../ports/audit-log.port';
import { DossierChanged } from '../ports/dossier-changed.port';
import { DossierRepository } from '../ports/dossier.repository.port';
import { UnitOfWork } from '../ports/unit-of-work.port';
import { regionTimeZone, scopedRegion } from '../region-time-zone';
import { CorrectCasusregieStartCommand } from './correct-casusregie-start.command';
import { dossierTarget, withinRegion } from '../region-fence/region-fence';
import { SubmittedOnce } from '../submissions/submitted-once';

export interface StartCorrection {
  readonly code: string;
  /** YYYY-MM-DD */
  readonly casusregieStartDate: string;
  readonly changed: boolean;
}

/** The ledger's scope of the start correction's one-time key. */
export const CASUSREGIE_START_SCOPE = 'casusregie-start';

/**
 * A coordinator corrects the start date of casusregie (libs/domain decides whether the new date is
 * possible). The dossier and the ICO decision that set the start get the new date, the follow-up
 * obligations that hang on it move in the same transaction, and the audit log keeps the old date,
 * the new one and the reason. With the form's key (or an Idempotency-Key) a repeat answers as the
 * first (its `changed` too) and writes and audits nothing.
 */
@Injectable()
export class CorrectCasusregieStartUseCase {
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

  async execute(command: CorrectCasusregieStartCommand): Promise<StartCorrection> {
    const { actor, startDate, reason } = command;
    const now = this.clock.now();
    const dayOf = (at: Date) => DateTime.fromJSDate(at, { zone: this.zone }).toISODate()!;
    return this.uow.run(async (tx) => {
      const row = await withinRegion(
        this.audit,
        actor,
        await this.dossiers.byId(tx, command.dossierId),
        dossierTarget('dossier.casusregie-start'),
        now,
      );
      if (!row) {
        throw new AgendaRefusal('DOSSIER_NOT_FOUND', 'Dossier niet gevonden.', undefined, 'not_found');
      }
      const once = await this.once.run(
        tx,
        {
          actorPersonId: actor.personId,
          scope: CASUSREGIE_START_SCOPE,
          ...(command.submissionKey && { key: command.submissionKey }),
          content: { dossierId: row.id, startDate, reason },
          at: now,
        },
        async (): Promise<StartCorrection> => {
          const decisions = await this.dossiers.decisionsOf(tx, row.id);
          // The ICO decision that started casusregie; a start taken over from before the service has none.
          const start = decisions.filter((d) => d.kind === 'met_casusregie').at(-1);
          const from = row.casusregieStartDate;
          const outcome = correctCasusregieStart(toDossierState(row, this.zone), startDate, {
            ...(start && { startDecisionDate: dayOf(start.decidedAt) }),
            laterDecisionDates: decisions
              .filter((d) =>
                start
                  ? d.decidedAt.getTime() > start.decidedAt.getTime()
                  : from !== null && dayOf(d.decidedAt) >= from,
              )
              .map((d) => dayOf(d.decidedAt)),
            today: dayOf(now),
            life: scopedRegion(this.config).dossierLife,
          });
          if (!outcome.ok) {
            throw new AgendaRefusal(outcome.code, outcome.message, outcome.field, 'unprocessable');
          }
          if (outcome.changed) {
            await this.dossiers.correctCasusregieStart(tx, row.id, start?.id, startDate);
            await this.dossierChanged.dossierChanged(tx, row.id);
          }
          await this.audit.append(
            {
              actorPersonId: actor.personId,
              action: 'dossier.casusregie-start',
              entityType: 'dossier',
              entityId: row.id,
              dossierId: row.id,
              outcome: 'allowed',
              route: actor.route ?? null,
              details: { code: row.code, from, to: startDate, reason },
            },
            now,
            tx,
          );
          return { code: row.code, casusregieStartDate: startDate, changed: outcome.changed };
        },
      );
      return once.result;
    });
  }
}

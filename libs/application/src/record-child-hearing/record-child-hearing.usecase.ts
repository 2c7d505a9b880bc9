import { Inject, Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { APP_CONFIG, AppConfig, CLOCK, Clock } from '@overlegtafels/config';
import {
  childLabelKey,
  ChildHearing,
  ChildrenHeard,
  childrenHeard,
  recordChildHearing,
} from '@overlegtafels/domain';
import { auditRecorded, dossierForCasusregisseur, refusalOf } from '../agenda/casusregisseur-guard';
import { toDossierState } from '../agenda/dossier-state';
import { AuditLog } from '../ports/audit-log.port';
import { DossierChanged } from '../ports/dossier-changed.port';
import { ChildHearingRecord, DossierRepository } from '../ports/dossier.repository.port';
import { UnitOfWork } from '../ports/unit-of-work.port';
import { regionTimeZone, scopedRegion } from '../region-time-zone';
import { RecordChildHearingCommand } from './record-child-hearing.command';
import { SubmittedOnce } from '../submissions/submitted-once';

export interface ChildrenHeardResult extends ChildrenHeard {
  readonly code: string;
}

/** The stored entries as the domain reads them. */
export function childHearingsOf(rows: readonly ChildHearingRecord[]): ChildHearing[] {
  return rows.map((r) => ({
    label: r.label,
    ...(r.heardOn && { heardOn: r.heardOn }),
    ...(r.notHeardReason && { notHeardReason: r.notHeardReason }),
  }));
}

/** The ledger's scope of a child hearing's one-time key. */
export const CHILD_HEARING_SCOPE = 'child-hearing';

/**
 * The casusregisseur (or a coordinator) records that one child over 12 was heard on a day, or why
 * not (guide III.B). Once every child over 12 is heard or has a reason, that moment is kept: it is
 * the `kinderen-gehoord` event, and in the same transaction the obligation to hear them before the
 * first Weegploeg is fulfilled.
 */
@Injectable()
export class RecordChildHearingUseCase {
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
    hearing: input,
    submissionKey,
  }: RecordChildHearingCommand): Promise<ChildrenHeardResult> {
    const now = this.clock.now();
    const seen = await dossierForCasusregisseur(
      this.dossiers,
      this.audit,
      actor,
      dossierId,
      'dossier.kind-gehoord',
      now,
    );
    return this.uow.run(async (tx) => {
      const once = await this.once.run(
        tx,
        {
          actorPersonId: actor.personId,
          scope: CHILD_HEARING_SCOPE,
          key: submissionKey,
          content: { dossierId: seen.id, input },
          at: now,
        },
        async () => {
          const row = (await this.dossiers.byId(tx, seen.id))!;
          const before = childrenHeard(
            row.childrenOver12,
            childHearingsOf(await this.dossiers.childHearingsOf(tx, row.id)),
          );
          const outcome = recordChildHearing(toDossierState(row, this.zone), before, input, {
            today: DateTime.fromJSDate(now, { zone: this.zone }).toISODate()!,
            life: scopedRegion(this.config).dossierLife,
          });
          if (!outcome.ok) throw refusalOf(outcome);
          const { hearing, heard } = outcome;
          const completedNow = heard.allAccountedFor && !before.allAccountedFor;
          await this.dossiers.recordChildHearing(
            tx,
            row.id,
            {
              label: hearing.label,
              labelKey: childLabelKey(hearing.label),
              heardOn: hearing.heardOn ?? null,
              notHeardReason: hearing.notHeardReason ?? null,
              recordedById: actor.personId,
              recordedAt: now,
            },
            { childrenOver12: heard.expected, heardAt: completedNow ? now : null },
          );
          await this.dossierChanged.dossierChanged(tx, row.id);
          // The child's label and the reason stay in the dossier: the log keeps the counts.
          await auditRecorded(
            this.audit,
            actor,
            row,
            'dossier.kind-gehoord',
            {
              heard: hearing.heardOn !== undefined,
              childrenOver12: heard.expected,
              accountedFor: heard.children.length,
              allAccountedFor: heard.allAccountedFor,
            },
            now,
            tx,
          );
          return { code: row.code, ...heard };
        },
      );
      return once.result;
    });
  }
}

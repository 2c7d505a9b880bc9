import { Inject, Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { correctCasusregieStart } from '@overlegtafels/domain';
import { AgendaRepository, AuditRepository, DossierRepository } from '@overlegtafels/persistence';
import { CLOCK, Clock } from '@overlegtafels/config';
import { AgendaRefusal, CasusregieStartSchema, parseInput } from './agenda-input';
import { AgendaService } from './agenda.service';
import { Actor } from './agenda-views';
import { dateOnly, toDossierState, ymd } from './dossier-state';
import { DossierChanged } from '../ports/dossier-changed.port';

export interface StartCorrection {
  readonly code: string;
  /** YYYY-MM-DD */
  readonly casusregieStartDate: string;
  readonly changed: boolean;
}

/**
 * A coordinator corrects the start date of casusregie (libs/domain decides whether the new date is
 * possible). The dossier and the ICO decision that set the start get the new date, the follow-up
 * obligations that hang on it move in the same transaction, and the audit log keeps the old date,
 * the new one and the reason.
 */
@Injectable()
export class CorrectCasusregieStartUseCase {
  constructor(
    @Inject(AgendaRepository) private readonly repo: AgendaRepository,
    @Inject(DossierRepository) private readonly dossiers: DossierRepository,
    @Inject(AuditRepository) private readonly audit: AuditRepository,
    @Inject(AgendaService) private readonly agenda: AgendaService,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(DossierChanged) private readonly dossierChanged: DossierChanged,
  ) {}

  /** For coordinators (the route says so); `dossierId` comes from an audited read. */
  async execute(actor: Actor, dossierId: string, body: unknown): Promise<StartCorrection> {
    const form = parseInput(CasusregieStartSchema, body);
    const zone = this.agenda.region.timeZone;
    const now = this.clock.now();
    const dayOf = (at: Date) => DateTime.fromJSDate(at, { zone }).toISODate()!;
    return this.repo.transaction(async (tx) => {
      const row = await this.dossiers.stateOf(tx, dossierId);
      if (!row || row.regionId !== actor.regionId) {
        throw new AgendaRefusal('DOSSIER_NOT_FOUND', 'Dossier niet gevonden.', undefined, 'not_found');
      }
      const decisions = await this.dossiers.decisionsOf(tx, row.id);
      // The ICO decision that started casusregie; a start taken over from before the service has none.
      const start = decisions.filter((d) => d.kind === 'met_casusregie').at(-1);
      const from = ymd(row.casusregieStartDate);
      const outcome = correctCasusregieStart(toDossierState(row, zone), form.startDate, {
        ...(start && { startDecisionDate: dayOf(start.decidedAt) }),
        laterDecisionDates: decisions
          .filter((d) =>
            start
              ? d.decidedAt.getTime() > start.decidedAt.getTime()
              : from !== undefined && dayOf(d.decidedAt) >= from,
          )
          .map((d) => dayOf(d.decidedAt)),
        today: dayOf(now),
      });
      if (!outcome.ok) throw new AgendaRefusal(outcome.code, outcome.message, outcome.field, 'unprocessable');
      if (outcome.changed) {
        await this.dossiers.correctCasusregieStart(tx, row.id, start?.id, dateOnly(form.startDate));
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
          route: actor.route,
          details: { code: row.code, from: from ?? null, to: form.startDate, reason: form.reason },
        },
        now,
        tx,
      );
      return { code: row.code, casusregieStartDate: form.startDate, changed: outcome.changed };
    });
  }
}

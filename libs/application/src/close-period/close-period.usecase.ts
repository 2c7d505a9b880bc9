import { Inject, Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { CLOCK, Clock } from '@overlegtafels/config';
import { cancelSession } from '@overlegtafels/domain';
import { AgendaRefusal, InputError } from '../errors';
import { AGENDA_NOTIFIER, AgendaNotifier } from '../agenda/agenda-notifier';
import { AgendaService } from '../agenda/agenda.service';
import { dateOnly } from '../agenda/dossier-state';
import { lifecycleOf } from '../agenda/session-lifecycle';
import { AgendaJobsPlanner } from '../agenda-mailing/agenda-jobs.planner';
import { AgendaMailDispatcher } from '../agenda-mailing/agenda-mail.dispatcher';
import { CoordinatorChange } from '../coordinator/coordinator-change';
import { AgendaSessionRepository } from '../ports/agenda-session.repository.port';
import { AuditLog } from '../ports/audit-log.port';
import { CalendarStateRepository } from '../ports/calendar-state.port';
import { RegionRepository } from '../ports/region.repository.port';
import { UnitOfWork } from '../ports/unit-of-work.port';
import { ClosePeriodCommand } from './close-period.command';
import { SubmittedOnce } from '../submissions/submitted-once';

/**
 * A period without sessions (e.g. the Christmas weeks): the sessions in it that have not started
 * are cancelled, their items carried on, everyone invited told, obligations follow; one
 * transaction for all tables, then the mails and the jobs of the cancelled sessions.
 */
/** The ledger's scope of a closed period's one-time key. */
export const CLOSED_PERIOD_SCOPE = 'closed-period';

@Injectable()
export class ClosePeriodUseCase {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(CoordinatorChange)
    private readonly change: Pick<CoordinatorChange, 'coordinates' | 'unpinAll' | 'followUp'>,
    @Inject(AgendaService)
    private readonly agenda: Pick<AgendaService, 'region' | 'lock' | 'reallocate' | 'generated'>,
    @Inject(CalendarStateRepository)
    private readonly periods: Pick<CalendarStateRepository, 'createClosedPeriod'>,
    @Inject(RegionRepository) private readonly regions: RegionRepository,
    @Inject(AgendaSessionRepository)
    private readonly sessions: Pick<AgendaSessionRepository, 'cancelSession'>,
    @Inject(AuditLog) private readonly audit: AuditLog,
    @Inject(AGENDA_NOTIFIER)
    private readonly notifier: Pick<AgendaNotifier, 'itemsMoved' | 'sessionCancelled'>,
    @Inject(AgendaMailDispatcher) private readonly mailDispatch: Pick<AgendaMailDispatcher, 'dispatch'>,
    @Inject(AgendaJobsPlanner) private readonly jobs: Pick<AgendaJobsPlanner, 'planSession'>,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SubmittedOnce) private readonly once: SubmittedOnce,
  ) {}

  async execute(input: ClosePeriodCommand): Promise<void> {
    const { actor } = input;
    const region = this.agenda.region;
    const tables = input.tableKey ? [input.tableKey] : region.tables.map((t) => t.key);
    for (const key of tables) {
      if (!region.tables.some((t) => t.key === key)) {
        throw new InputError([
          { field: 'tableKey', code: 'UNKNOWN', message: 'Kies een tafel uit de lijst.' },
        ]);
      }
      if (!this.change.coordinates(actor, key))
        throw new AgendaRefusal('FORBIDDEN', 'U coördineert deze tafel niet.', 'tableKey', 'not_found');
    }
    const now = this.clock.now();
    const mails: string[] = [];
    const replan: string[] = [];
    await this.uow.run(async (tx) => {
      // A reload, a double click or a retried call with the same key: the period is closed once.
      const { actor: _actor, submissionKey, ...content } = input;
      await this.once.run(
        tx,
        { actorPersonId: actor.personId, scope: CLOSED_PERIOD_SCOPE, key: submissionKey, content, at: now },
        async () => {
          const regionId = await this.regions.idOf(region.key, tx);
          await this.periods.createClosedPeriod(tx, {
            regionId,
            tableKey: input.tableKey ?? null,
            fromDate: dateOnly(input.from),
            toDate: dateOnly(input.to),
            reason: input.reason,
            createdById: actor.personId,
          });
          for (const key of tables) {
            const state = await this.agenda.lock(tx, key);
            const zone = state.table.timeZone;
            const fromMs = DateTime.fromISO(input.from, { zone }).toMillis();
            const toMs = DateTime.fromISO(input.to, { zone }).plus({ days: 1 }).toMillis();
            const cancelled: string[] = [];
            for (const session of this.agenda.generated(state, fromMs, toMs)) {
              const row = state.rowsByKey.get(session.key);
              // Started, held or already cancelled sessions stay as they are.
              const cancel = row && cancelSession(lifecycleOf(row), now.getTime());
              if (!row || !cancel?.ok || !cancel.changed) continue;
              await this.sessions.cancelSession(tx, row.id, input.reason, now, cancel);
              await this.change.unpinAll(tx, row.id);
              cancelled.push(row.id);
              replan.push(row.id);
            }
            const fresh = await this.agenda.lock(tx, key);
            const realloc = await this.agenda.reallocate(tx, fresh);
            if (realloc.moves.length > 0)
              mails.push(...(await this.notifier.itemsMoved(tx, realloc.moves, input.reason)));
            await this.change.followUp(tx, key, realloc.moves, true);
            for (const id of cancelled)
              mails.push(...(await this.notifier.sessionCancelled(tx, id, input.reason)));
          }
          await this.audit.append(
            {
              actorPersonId: actor.personId,
              action: 'closed-period.create',
              entityType: 'closed_period',
              entityId: null,
              outcome: 'allowed',
              route: actor.route,
              details: { from: input.from, to: input.to, tableKey: input.tableKey ?? null },
            },
            now,
            tx,
          );
          return { closed: true };
        },
      );
    });
    await this.mailDispatch.dispatch(mails);
    for (const id of replan) await this.jobs.planSession(id);
  }
}

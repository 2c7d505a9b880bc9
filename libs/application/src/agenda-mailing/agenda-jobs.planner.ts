import { Inject, Injectable, Logger } from '@nestjs/common';
import { DateTime } from 'luxon';
import { awaitsAgendaSend, awaitsFreeze, isCancelled } from '@overlegtafels/domain';
import { AgendaJobName, AgendaProducer, JOBS } from '@overlegtafels/queues';
import { CLOCK, Clock } from '@overlegtafels/config';
import { AgendaSessionRepository, SessionRecord } from '../ports/agenda-session.repository.port';
import { SESSION_MATERIALIZER, SessionMaterializer } from './session-rows.materializer';
import { RegionRepository } from '../ports/region.repository.port';
import { SessionTimingService } from './session-timing.service';

/** How far ahead the planning cron creates session rows and plans their jobs. */
export const PLANNING_HORIZON_WEEKS = 6;

/**
 * Puts a session's freeze and agenda-send jobs on the agenda queue as delayed jobs. The job id
 * carries the planned instant, so planning again after a move adds jobs for the new instants and
 * the old ones, when they fire, see that the session no longer has their instant and do nothing.
 */
@Injectable()
export class AgendaJobsPlanner {
  private readonly logger = new Logger(AgendaJobsPlanner.name);

  constructor(
    @Inject(AgendaSessionRepository)
    private readonly sessions: Pick<AgendaSessionRepository, 'session' | 'awaitingAgenda'>,
    @Inject(SessionTimingService) private readonly timing: SessionTimingService,
    @Inject(RegionRepository) private readonly regions: RegionRepository,
    @Inject(AgendaProducer) private readonly producer: AgendaProducer,
    @Inject(SESSION_MATERIALIZER) private readonly materializer: SessionMaterializer,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Plans the jobs a session still needs: freeze while it is planned, send while it is planned or
   * frozen. Call it after the commit of any change to the session (moved, cancelled, unfrozen).
   * Returns the job ids (none for a cancelled, sent or held session).
   */
  async planSession(sessionId: string): Promise<string[]> {
    const row = await this.sessions.session(sessionId);
    return row ? this.plan(row) : [];
  }

  /** The planning cron: rows for the coming weeks of every table, and their jobs. */
  async planUpcoming(weeks = PLANNING_HORIZON_WEEKS): Promise<number> {
    // From now: a session that has started is past its agenda; its mails would come too late.
    const from = DateTime.fromJSDate(this.clock.now(), { zone: this.timing.region.timeZone });
    const to = from.plus({ weeks });
    const regionId = await this.regions.idOf(this.timing.region.key);
    let planned = 0;
    for (const table of this.timing.region.tables) {
      await this.materializer.materializeSessions(table.key, from.toMillis(), to.toMillis());
      const rows = await this.sessions.awaitingAgenda(regionId, table.key, from.toJSDate(), to.toJSDate());
      for (const row of rows) planned += (await this.plan(row)).length;
    }
    return planned;
  }

  /** True when a job planned for `plannedAtMs` is still the session's current one. */
  async isCurrent(job: AgendaJobName, sessionId: string, plannedAtMs: number): Promise<boolean> {
    const row = await this.sessions.session(sessionId);
    if (!row || isCancelled(row)) return false;
    const instants = await this.timing.instants(row);
    if (!instants) return false;
    return (job === JOBS.agenda.freeze ? instants.freezeAtMs : instants.agendaSendAtMs) === plannedAtMs;
  }

  private async plan(row: SessionRecord): Promise<string[]> {
    if (!awaitsAgendaSend(row)) return [];
    const instants = await this.timing.instants(row);
    if (!instants) {
      this.logger.warn(
        `session ${row.id}: no freeze or send instant under the table's rules; nothing planned`,
      );
      return [];
    }
    const nowMs = this.clock.now().getTime();
    const ids: string[] = [];
    if (awaitsFreeze(row)) {
      ids.push(await this.producer.schedule(JOBS.agenda.freeze, row.id, instants.freezeAtMs, nowMs));
    }
    ids.push(await this.producer.schedule(JOBS.agenda.send, row.id, instants.agendaSendAtMs, nowMs));
    return ids;
  }
}

import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, AppConfig, inRegion } from '@overlegtafels/config';
import { getRegion, mailFromOf } from '@overlegtafels/regions';
import { parseMailFrom } from '@overlegtafels/mail';
import { AgendaSessionRepository } from '../ports/agenda-session.repository.port';
import { RegionRepository } from '../ports/region.repository.port';

/**
 * Which region a piece of work runs in, when it starts from a row and not from a person: the
 * worker's jobs (a session's freeze and send) run in the session's region, so its tables, rules and
 * mail identity are the ones that work reads (inRegion). At start every region of REGIONS gets its
 * row, so a region added to the list is there before anyone works in it.
 */
@Injectable()
export class RegionScope implements OnModuleInit {
  constructor(
    @Inject(RegionRepository) private readonly regions: RegionRepository,
    @Inject(AgendaSessionRepository) private readonly sessions: AgendaSessionRepository,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'regions' | 'mailFrom'>,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.regions.ensure(
      this.config.regions.map((key) => {
        const region = getRegion(key)!;
        const sender = parseMailFrom(this.config.mailFrom ?? mailFromOf(region));
        return {
          key,
          name: region.name,
          timeZone: region.timeZone,
          mailFromName: sender.name,
          mailFromAddress: sender.address,
        };
      }),
    );
  }

  /** The key of the row's region when this installation serves it; undefined otherwise. */
  async keyOf(regionId: string): Promise<string | undefined> {
    const key = await this.regions.keyOf(regionId);
    return key !== undefined && this.config.regions.includes(key) ? key : undefined;
  }

  /**
   * Runs work in the region of this row id (a person's, a session's, a dossier's). A region this
   * installation does not serve gives no scope: the work finds nothing of it (the fence) and, with
   * several regions, reads no region's configuration.
   */
  async inRegionOf<T>(regionId: string, work: () => Promise<T>): Promise<T> {
    const key = await this.keyOf(regionId);
    return key === undefined ? work() : inRegion(key, work);
  }

  /** Runs work in the region of this session; an unknown session runs it unscoped (it finds nothing). */
  async inSessionRegion<T>(sessionId: string, work: () => Promise<T>): Promise<T> {
    const session = await this.sessions.session(sessionId);
    return session ? this.inRegionOf(session.regionId, work) : work();
  }
}

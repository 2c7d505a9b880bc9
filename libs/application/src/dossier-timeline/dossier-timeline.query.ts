import { Inject, Injectable, Optional } from '@nestjs/common';
import { APP_CONFIG, AppConfig, CLOCK, Clock } from '@overlegtafels/config';
import { DOSSIER_PHASE_LABELS, DossierPhase, RegionConfig, trajectLabel } from '@overlegtafels/domain';
import { getRegion } from '@overlegtafels/regions';
import {
  DOSSIER_TIMELINE_SOURCES,
  DossierTimelineSource,
  TimelineEntry,
  timelineOf,
} from './dossier-timeline';
import { DossierPage, DossierPages } from '../ports/dossier-pages.port';

/** The traject on the dossier page: the region's name for the field and the chosen option's label. */
export interface ShownTraject {
  readonly label: string;
  readonly value: string;
}

/**
 * The read of a dossier's page: everything on it and its timeline, with the follow-up
 * obligations' entries. For someone with full access (OpenDossier decided that first).
 */
@Injectable()
export class DossierTimelineQuery {
  private readonly region: RegionConfig;

  constructor(
    @Inject(DossierPages) private readonly pages: DossierPages,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) config: AppConfig,
    @Optional()
    @Inject(DOSSIER_TIMELINE_SOURCES)
    private readonly sources: DossierTimelineSource[] | null,
  ) {
    const region = getRegion(config.region);
    if (!region) throw new Error(`REGION ${config.region} has no configuration in libs/regions`);
    this.region = region;
  }

  async dossierTimeline(
    dossierId: string,
  ): Promise<{ detail: DossierPage & { trajectShown: ShownTraject | null }; timeline: TimelineEntry[] }> {
    const page = (await this.pages.detail(dossierId))!;
    const life = this.region.dossierLife;
    const trajectShown =
      page.traject && life.traject ? { label: life.traject.label, value: trajectLabel(life, page.traject) } : null;
    const detail = { ...page, trajectShown };
    const timeline = timelineOf(detail, this.region, this.clock.now());
    for (const source of this.sources ?? []) timeline.push(...(await source.timelineFor(dossierId)));
    timeline.sort((a, b) => a.at.localeCompare(b.at));
    return { detail, timeline };
  }

  phaseLabel(phase: string): string {
    return DOSSIER_PHASE_LABELS[phase as DossierPhase] ?? phase;
  }
}

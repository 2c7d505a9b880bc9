import { Inject, Injectable, Optional } from '@nestjs/common';
import { APP_CONFIG, AppConfig, CLOCK, Clock } from '@overlegtafels/config';
import {
  RegionConfig,
  regionPhaseLabel,
  shownRegionAnswers,
  trajectLabel,
} from '@overlegtafels/domain';
import { scopedRegion } from '../region-time-zone';
import {
  DOSSIER_TIMELINE_SOURCES,
  DossierTimelineSource,
  TimelineEntry,
  timelineOf,
} from './dossier-timeline';
import { DossierPage, DossierPages } from '../ports/dossier-pages.port';
import { parseInput } from '../input/parse-input';
import { PageFieldsSchema, PageLinks, pageLinksOf, pageRequestOf } from '../paging/keyset-paging';
import { timelinePage } from './timeline-page';

/** The traject on the dossier page: the region's name for the field and the chosen option's label. */
export interface ShownTraject {
  readonly label: string;
  readonly value: string;
}

/**
 * The read of a dossier's page: everything on it and a page of its timeline (fifty entries,
 * newest first), with the follow-up obligations' entries. For someone with full access
 * (OpenDossier decided that first).
 */
@Injectable()
export class DossierTimelineQuery {
  /** The region of the current work (the reader's): read at each use. */
  private get region(): RegionConfig {
    return scopedRegion(this.config);
  }

  constructor(
    @Inject(DossierPages) private readonly pages: DossierPages,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Optional()
    @Inject(DOSSIER_TIMELINE_SOURCES)
    private readonly sources: DossierTimelineSource[] | null,
  ) {}

  async dossierTimeline(
    dossierId: string,
    /** `after`, `before` and `limit` as sent (bad ones answer 400 naming the field). */
    page: Record<string, unknown> = {},
  ): Promise<{
    detail: DossierPage & {
      trajectShown: ShownTraject | null;
      aanmeldingen: (DossierPage['aanmeldingen'][number] & {
        regionAnswersShown: { label: string; answer: string }[];
      })[];
    };
    timeline: TimelineEntry[];
    links: PageLinks;
  }> {
    const dossier = (await this.pages.detail(dossierId))!;
    const life = this.region.dossierLife;
    const trajectShown =
      dossier.traject && life.traject
        ? { label: life.traject.label, value: trajectLabel(life, dossier.traject) }
        : null;
    const questions = this.region.aanmeldingQuestions ?? [];
    const detail = {
      ...dossier,
      trajectShown,
      // The answers to the region's own questions, as the page shows them (label, answer).
      aanmeldingen: dossier.aanmeldingen.map((a) => ({
        ...a,
        regionAnswersShown: shownRegionAnswers(questions, a.regionAnswers),
      })),
    };
    const timeline = timelineOf(detail, this.region, this.clock.now());
    for (const source of this.sources ?? []) timeline.push(...(await source.timelineFor(dossierId)));
    const found = timelinePage(timeline, pageRequestOf(parseInput(PageFieldsSchema, page)));
    return { detail, timeline: found.rows, links: pageLinksOf(found) };
  }

  /** The label of one of the region's phases, as its pages show it. */
  phaseLabel(phase: string): string {
    return regionPhaseLabel(this.region.dossierLife, phase);
  }

  /** The region's phases in their order, each with its label (the list's phase filter). */
  phases(): { key: string; label: string }[] {
    return this.region.dossierLife.phases.map((p) => ({ key: p.key, label: p.label }));
  }
}

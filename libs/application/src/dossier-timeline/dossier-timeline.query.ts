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
  casusregisseurHistoryOf,
  DOSSIER_TIMELINE_SOURCES,
  DossierTimelineSource,
  TimelineEntry,
} from './dossier-timeline';
import { pageOfSorted } from '../paging/page-of-sorted';
import {
  DossierPage,
  DossierPageAgendaItem,
  DossierPageDecisionShown,
  DossierPages,
} from '../ports/dossier-pages.port';
import { InputError } from '../errors';
import type { PageRequest } from '../ports/keyset-page.port';
import { parseInput } from '../input/parse-input';
import { PageFieldsSchema, PageLinks, pageLinksOf, pageRequestOf } from '../paging/keyset-paging';
import { entryOfFact, mergedTimelinePage } from './timeline-page';

/** The traject on the dossier page: the region's name for the field and the chosen option's label. */
export interface ShownTraject {
  readonly label: string;
  readonly value: string;
}

/** One casusregisseur's period on the dossier (casusregisseurHistoryOf). */
export type CasusregisseurPeriod = ReturnType<typeof casusregisseurHistoryOf>[number];

/** The dossier as its page shows it: the stored facts, the traject and the region's answers by label. */
export type ShownDossier = DossierPage & {
  trajectShown: ShownTraject | null;
  aanmeldingen: (DossierPage['aanmeldingen'][number] & {
    regionAnswersShown: { label: string; answer: string }[];
  })[];
};

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
  ): Promise<{ detail: ShownDossier; timeline: TimelineEntry[]; links: PageLinks }> {
    const request = pageRequestOf(parseInput(PageFieldsSchema, page));
    const detail = await this.dossierDetail(dossierId);
    return { detail, ...(await this.timelineOf(dossierId, request)) };
  }

  /** Everything on the dossier's page but its paged lists. */
  async dossierDetail(dossierId: string): Promise<ShownDossier> {
    const dossier = (await this.pages.detail(dossierId))!;
    const life = this.region.dossierLife;
    const trajectShown =
      dossier.traject && life.traject
        ? { label: life.traject.label, value: trajectLabel(life, dossier.traject) }
        : null;
    const questions = this.region.aanmeldingQuestions ?? [];
    return {
      ...dossier,
      trajectShown,
      // The answers to the region's own questions, as the page shows them (label, answer).
      aanmeldingen: dossier.aanmeldingen.map((a) => ({
        ...a,
        regionAnswersShown: shownRegionAnswers(questions, a.regionAnswers),
      })),
    };
  }

  /** A page of the timeline alone (the API's), newest first. */
  async timeline(
    dossierId: string,
    page: Record<string, unknown> = {},
  ): Promise<{ timeline: TimelineEntry[]; links: PageLinks }> {
    return this.timelineOf(dossierId, pageRequestOf(parseInput(PageFieldsSchema, page)));
  }

  private async timelineOf(
    dossierId: string,
    request: PageRequest,
  ): Promise<{ timeline: TimelineEntry[]; links: PageLinks }> {
    const now = this.clock.now();
    const region = this.region;
    // The dossier's own facts a page at a time, in SQL; the obligations' entries (a plan's worth) merged in.
    const sql = await this.pages.timelinePage(dossierId, request, region.timeZone);
    const held: TimelineEntry[] = [];
    for (const source of this.sources ?? []) held.push(...(await source.timelineFor(dossierId)));
    const found = mergedTimelinePage(sql, held, request, (fact) => entryOfFact(fact, region, now));
    return { timeline: found.rows, links: pageLinksOf(found) };
  }

  /**
   * A page of the dossier's agendapunten (the last submitted first) and one of its decisions
   * (the last taken first), fifty unless `limit` says otherwise (issue #18). `names` are the
   * query's names of `after`, `before` and `limit`: a bad one answers 400 naming it.
   */
  async agendaItems(
    dossierId: string,
    page: Record<string, unknown>,
    names: PageFieldNames,
  ): Promise<{ rows: DossierPageAgendaItem[]; links: PageLinks }> {
    const found = await this.pages.agendaItemsPage(dossierId, requestOf(page, names));
    return { rows: found.rows, links: pageLinksOf(found) };
  }

  async decisions(
    dossierId: string,
    page: Record<string, unknown>,
    names: PageFieldNames,
  ): Promise<{ rows: DossierPageDecisionShown[]; links: PageLinks }> {
    const found = await this.pages.decisionsPage(dossierId, requestOf(page, names));
    return { rows: found.rows, links: pageLinksOf(found) };
  }

  /**
   * A page of who directed the dossier, the present casusregisseur first (fifty unless `limit`
   * says otherwise): the periods follow from the dossier's changes, which its page reads anyway.
   */
  casusregisseurs(
    detail: Parameters<typeof casusregisseurHistoryOf>[0],
    page: Record<string, unknown>,
    names: PageFieldNames,
  ): { rows: CasusregisseurPeriod[]; links: PageLinks } {
    const periods = casusregisseurHistoryOf(detail)
      .map((period, i) => ({
        period,
        // The period's first day (the dossier's first one has none) and its place: its key.
        key: { at: new Date(`${period.from ?? '1970-01-01'}T00:00:00Z`), id: `periode-${i}` },
      }))
      .reverse();
    const found = pageOfSorted(periods, (p) => p.key, requestOf(page, names));
    return { rows: found.rows.map((p) => p.period), links: pageLinksOf(found) };
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

/** How a list's page fields are called in the query of a page that shows several lists. */
export interface PageFieldNames {
  readonly after: string;
  readonly before: string;
  readonly limit: string;
  /** The list's name, before each of its messages (the page shows several lists). */
  readonly label: string;
}

/** The request of `page` (read by the use cases' names), its errors under the query's names. */
function requestOf(page: Record<string, unknown>, names: PageFieldNames) {
  try {
    return pageRequestOf(parseInput(PageFieldsSchema, page));
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    throw new InputError(
      error.errors.map((e) => ({
        ...e,
        field: names[e.field as 'after' | 'before' | 'limit'] ?? e.field,
        message: `${names.label} – ${e.message}`,
      })),
    );
  }
}

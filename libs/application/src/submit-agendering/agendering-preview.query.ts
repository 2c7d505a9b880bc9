import { Inject, Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { Clock, CLOCK } from '@overlegtafels/config';
import {
  afsluitingWaitMonthsOf,
  afsluitingTooEarly,
  type CalendarState,
  generateSessions,
  isCancelled,
  LocalDateString,
  notBeforeDateFor,
  placeOnOrAfter,
  placeSubmission,
  RegionConfig,
  Session,
  TableDefinition,
  takesPlacements,
} from '@overlegtafels/domain';
import { dutchDate, dutchDateTime } from '@overlegtafels/mail';
import { AgendaReadModel } from '../ports/agenda-read-model.port';
import { AgendaSessionRepository } from '../ports/agenda-session.repository.port';
import { CalendarStateRepository } from '../ports/calendar-state.port';
import { RegionRepository } from '../ports/region.repository.port';
import { TableCalendarService } from '../table-calendar/table-calendar.service';

/**
 * Tables a casusregisseur (or aanmelder) can put a dossier on with this form: every table with an
 * item type besides the aanmelding, which comes in through the aanmelding form only.
 */
export function agenderingTables(region: RegionConfig): TableDefinition[] {
  return region.tables.filter((t) => t.itemTypes.some((i) => !isAanmeldingItem(region, t.key, i.key)));
}

/** The item type a new aanmelding brings, on the region's intake table. */
export function isAanmeldingItem(region: RegionConfig, tableKey: string, itemType: string): boolean {
  const { intake } = region.dossierLife.roles;
  return tableKey === intake.table && itemType === intake.aanmeldingItemType;
}

/** The item type a dossier comes back to the intake table with (a herbespreking), there only. */
export function isIntakeReturnItem(region: RegionConfig, tableKey: string, itemType: string): boolean {
  const { intake } = region.dossierLife.roles;
  return (
    tableKey === intake.table && intake.returnItemType !== undefined && itemType === intake.returnItemType
  );
}

export interface PlacementPreview {
  readonly tableKey: string;
  readonly tableName: string;
  readonly sessionStart: string;
  readonly deadline: string;
  /** "dinsdag 8 december 2026" */
  readonly sessionText: string;
  /** "maandag 30 november 2026 om 12:00" */
  readonly deadlineText: string;
  /** Set when the next session's deadline has passed or it is full: which session it will be instead. */
  readonly notice?: string;
  /**
   * Set when sending now would be refused: an afsluiting whose next zitting is before afronding
   * + 6 months. The session and deadline are then those of the zitting it can go to.
   */
  readonly refusal?: string;
}

/** Where an agendering made now would land, for the form (a read; nothing is locked or written). */
@Injectable()
export class AgenderingPreviewQuery {
  constructor(
    @Inject(TableCalendarService) private readonly tables: TableCalendarService,
    @Inject(AgendaSessionRepository)
    private readonly sessions: Pick<AgendaSessionRepository, 'sessionsBetween'>,
    @Inject(AgendaReadModel) private readonly reads: Pick<AgendaReadModel, 'loadOf'>,
    @Inject(CalendarStateRepository) private readonly calendars: CalendarStateRepository,
    @Inject(RegionRepository) private readonly regions: RegionRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * The session an agendering made now would land on, and its deadline, for the form. With the
   * dossier's afronding date, an afsluiting is shown on a zitting on or after afronding + 6
   * months, or refused as the use case would.
   */
  async preview(
    tableKey: string,
    itemType: string,
    dossier: { readonly afrondingDate?: LocalDateString } = {},
  ): Promise<PlacementPreview | undefined> {
    return (await this.previews([{ tableKey, itemType }], dossier))[0];
  }

  /**
   * The previews of several choices, in their order, reading each table's calendar once (a form
   * offers several item types per table; issue #18).
   */
  async previews(
    choices: readonly { readonly tableKey: string; readonly itemType: string }[],
    dossier: { readonly afrondingDate?: LocalDateString } = {},
  ): Promise<(PlacementPreview | undefined)[]> {
    const calendars = new Map<string, Promise<CalendarState>>();
    const calendarOf = (table: TableDefinition) => {
      let calendar = calendars.get(table.key);
      if (!calendar) {
        calendar = this.calendars.forTable(this.tables.region.key, table.key, table.timeZone);
        calendars.set(table.key, calendar);
      }
      return calendar;
    };
    const out: (PlacementPreview | undefined)[] = [];
    for (const c of choices) out.push(await this.previewOf(c.tableKey, c.itemType, dossier, calendarOf));
    return out;
  }

  private async previewOf(
    tableKey: string,
    itemType: string,
    dossier: { readonly afrondingDate?: LocalDateString },
    calendarOf: (table: TableDefinition) => Promise<CalendarState>,
  ): Promise<PlacementPreview | undefined> {
    const table = this.tables.region.tables.find((t) => t.key === tableKey);
    if (!table || !table.itemTypes.some((i) => i.key === itemType)) return undefined;
    const nowMs = this.clock.now().getTime();
    const calendar = await calendarOf(table);
    const zone = table.timeZone;
    const notBeforeDate = notBeforeDateFor(
      this.tables.region.dossierLife.rules,
      table.key,
      itemType,
      dossier.afrondingDate,
      afsluitingWaitMonthsOf(this.tables.region.dossierLife),
    );
    const placed =
      notBeforeDate === undefined
        ? placeSubmission(table, nowMs, { calendar, itemType })
        : placeOnOrAfter(table, nowMs, notBeforeDate, { calendar, itemType });
    if (!placed.ok && placed.code === 'SESSION_TOO_EARLY') {
      const goesTo = placed.first ?? placed.session;
      return {
        tableKey: table.key,
        tableName: table.name,
        sessionStart: new Date(goesTo.startMs).toISOString(),
        deadline: new Date(goesTo.deadlineMs).toISOString(),
        sessionText: dutchDate(DateTime.fromMillis(goesTo.startMs, { zone })),
        deadlineText: dutchDateTime(DateTime.fromMillis(goesTo.deadlineMs, { zone })),
        refusal: afsluitingTooEarly(
          dossier.afrondingDate!,
          table,
          placed,
          afsluitingWaitMonthsOf(this.tables.region.dossierLife),
        ).message,
      };
    }
    if (!placed.ok) return undefined;
    const duration = placed.itemType!.durationMinutes;
    let target = placed.session;
    const notices: string[] = [];
    if (notBeforeDate !== undefined) {
      notices.push(
        `Een afsluiting komt op een ${table.name} op of na ` +
          `${dutchDate(DateTime.fromISO(notBeforeDate, { zone }))}, ${afsluitingWaitMonthsOf(this.tables.region.dossierLife)} maanden na de afronding.`,
      );
    }
    const earlier = generateSessions(table, { fromMs: nowMs, toMs: target.startMs }, calendar).filter(
      (s) => !isCancelled(s) && s.deadlineMs <= nowMs,
    );
    const missed = earlier[earlier.length - 1];
    if (missed) {
      notices.push(
        `De deadline voor ${table.name} van ${dutchDate(DateTime.fromMillis(missed.startMs, { zone }))} ` +
          `(${dutchDateTime(DateTime.fromMillis(missed.deadlineMs, { zone }))}) is voorbij.`,
      );
    }
    // A full session sends the item on; look ahead as allocation would.
    const regionId = await this.regions.idOf(this.tables.region.key);
    const rows = await this.sessions.sessionsBetween(
      regionId,
      table.key,
      new Date(target.startMs),
      new Date(target.startMs + 120 * 86_400_000),
    );
    const rowByStart = new Map(rows.map((r) => [r.startsAt.getTime(), r]));
    const load = await this.reads.loadOf(rows.map((r) => r.id));
    const upcoming = generateSessions(
      table,
      { fromMs: target.startMs, toMs: target.startMs + 120 * 86_400_000 },
      calendar,
    ).filter((s) => !isCancelled(s));
    for (const s of upcoming) {
      const row = rowByStart.get(s.startMs);
      const taken = row ? (load.get(row.id)?.minutes ?? 0) : 0;
      if (row && !takesPlacements(row)) continue;
      if (taken + duration <= s.capacityMinutes) {
        if (s.key !== placed.session.key) {
          notices.push(
            `${table.name} van ${dutchDate(DateTime.fromMillis(placed.session.startMs, { zone }))} is volzet.`,
          );
        }
        target = s;
        break;
      }
    }
    const view: Session = target;
    const sessionText = dutchDate(DateTime.fromMillis(view.startMs, { zone }));
    return {
      tableKey: table.key,
      tableName: table.name,
      sessionStart: new Date(view.startMs).toISOString(),
      // The deadline of the session it names: when the first is full, the next one's own (issue #15).
      deadline: new Date(view.deadlineMs).toISOString(),
      sessionText,
      deadlineText: dutchDateTime(DateTime.fromMillis(view.deadlineMs, { zone })),
      ...(notices.length > 0 && {
        notice: `${notices.join(' ')} Dit agendapunt komt op ${table.name} van ${sessionText}.`,
      }),
    };
  }
}

import type {
  ActionOwnerCandidate,
  ArchivedSession,
  ArchiveSearch,
  AttendanceEntry,
  DossierMinutesEntry,
  DossierMinutesReader,
  MinutesItem,
  MinutesRecipient,
  MinutesSession,
  MinutesState,
  KeysetPage,
  NewActionPoint,
  PageRequest,
  SessionMinutesRepository,
  Transaction,
} from '@overlegtafels/application/testing';
import { pageOfSorted } from '@overlegtafels/application/testing';
import { isHeld, type SessionStatus, type TableFunction } from '@overlegtafels/domain';
import type { Rollbackable } from './fake-unit-of-work';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

interface Store {
  sessions: Mutable<MinutesSession>[];
  items: Mutable<MinutesItem & { sessionId: string }>[];
  attendance: (AttendanceEntry & { sessionId: string; byPersonId: string })[];
  actionPoints: NewActionPoint[];
  reopenReasons: string[];
}

/** A minutes row nobody closed yet. */
export const OPEN_MINUTES: MinutesState = {
  closedAt: null,
  closedById: null,
  reopenedAt: null,
  reopenReason: null,
  closings: 0,
};

/** An ICO agendapunt with nothing written yet; tests override what matters. */
export function fakeMinutesItem(id: string, change: Partial<MinutesItem> = {}): MinutesItem {
  return {
    id,
    position: 1,
    status: 'placed',
    itemType: 'aanmelding',
    dossierId: `dossier-${id}`,
    dossierCode: 'CO3-2026-0001',
    casusregisseurId: null,
    aanmelderId: 'aanmelder-1',
    sharedWithSession: false,
    guests: [],
    decision: null,
    text: null,
    guestsPresent: [],
    actionPoints: [],
    ...change,
  };
}

/**
 * The verslag of sessions in memory: the sessions and their items as given, and what the use
 * cases write (attendance, texts, action points, closing). Enlist it in a FakeUnitOfWork.
 */
export class FakeSessionMinutesRepository implements SessionMinutesRepository, Rollbackable {
  private store: Store = { sessions: [], items: [], attendance: [], actionPoints: [], reopenReasons: [] };
  /** Table functions by `${tableKey}|${personId}`. */
  readonly functions = new Map<string, TableFunction>();
  candidates: ActionOwnerCandidate[] = [];
  participants: MinutesRecipient[] = [];
  readonly locked: string[] = [];

  addSession(session: Omit<MinutesSession, 'minutes'> & { minutes?: MinutesState | null }): this {
    this.store.sessions.push({ ...session, minutes: session.minutes ?? null });
    return this;
  }

  addItem(sessionId: string, item: MinutesItem): this {
    this.store.items.push({ ...item, sessionId });
    return this;
  }

  get actionPoints(): readonly NewActionPoint[] {
    return this.store.actionPoints;
  }

  get attendance(): readonly (AttendanceEntry & { sessionId: string })[] {
    return this.store.attendance;
  }

  item(id: string): MinutesItem | undefined {
    return this.store.items.find((i) => i.id === id);
  }

  stateOf(sessionId: string): MinutesState | null {
    return this.store.sessions.find((s) => s.id === sessionId)?.minutes ?? null;
  }

  snapshot(): unknown {
    return structuredClone(this.store);
  }

  restore(snapshot: unknown): void {
    this.store = structuredClone(snapshot as Store);
  }

  async session(_tx: Transaction | undefined, sessionId: string): Promise<MinutesSession | undefined> {
    const s = this.store.sessions.find((x) => x.id === sessionId);
    return s && structuredClone(s);
  }

  async lockMinutes(_tx: Transaction, sessionId: string): Promise<MinutesState> {
    this.locked.push(sessionId);
    const s = this.store.sessions.find((x) => x.id === sessionId)!;
    s.minutes ??= { ...OPEN_MINUTES };
    return { ...s.minutes };
  }

  async tableFunctionOf(
    _regionId: string,
    tableKey: string,
    personId: string,
  ): Promise<TableFunction | null> {
    return this.functions.get(`${tableKey}|${personId}`) ?? null;
  }

  async itemsOf(_tx: Transaction | undefined, sessionId: string): Promise<MinutesItem[]> {
    return structuredClone(this.store.items.filter((i) => i.sessionId === sessionId)).map(
      ({ sessionId: _s, ...i }) => i,
    );
  }

  async attendanceOf(sessionId: string): Promise<AttendanceEntry[]> {
    return this.store.attendance
      .filter((a) => a.sessionId === sessionId)
      .map(({ participant, status }) => ({ participant, status }));
  }

  async saveAttendance(
    _tx: Transaction,
    sessionId: string,
    entries: readonly AttendanceEntry[],
    byPersonId: string,
    _at?: Date,
  ): Promise<void> {
    for (const e of entries) {
      this.store.attendance = this.store.attendance.filter(
        (a) => !(a.sessionId === sessionId && a.participant === e.participant),
      );
      this.store.attendance.push({ ...e, sessionId, byPersonId });
    }
  }

  async saveItemMinutes(
    _tx: Transaction,
    agendaItemId: string,
    minutes: { text: string; guestsPresent: readonly string[] },
    _byPersonId?: string,
    _at?: Date,
  ): Promise<void> {
    const item = this.store.items.find((i) => i.id === agendaItemId)!;
    Object.assign(item, { text: minutes.text, guestsPresent: [...minutes.guestsPresent] });
  }

  async ownerCandidates(): Promise<ActionOwnerCandidate[]> {
    return this.candidates;
  }

  async addActionPoint(_tx: Transaction, point: NewActionPoint): Promise<void> {
    this.store.actionPoints.push(point);
    const item = this.store.items.find((i) => i.id === point.agendaItemId)!;
    const owner = this.candidates.find((c) => c.personId === point.ownerPersonId);
    item.actionPoints = [
      ...item.actionPoints,
      {
        id: point.id,
        agendaItemId: point.agendaItemId,
        what: point.what,
        ownerPersonId: point.ownerPersonId,
        ownerName: owner?.displayName ?? '',
        ownerOrganisationId: point.ownerOrganisationId,
        ownerOrganisationName: point.ownerOrganisationId ? (owner?.organisationName ?? null) : null,
        dueDate: point.dueDate,
        obligationId: point.obligationId,
        obligationStatus: 'open',
        fulfilledAt: null,
        fulfilmentNote: null,
      },
    ];
  }

  async close(_tx: Transaction, sessionId: string, byPersonId: string, at: Date): Promise<MinutesState> {
    const s = this.store.sessions.find((x) => x.id === sessionId)!;
    s.minutes = {
      ...(s.minutes ?? OPEN_MINUTES),
      closedAt: at,
      closedById: byPersonId,
      closings: (s.minutes?.closings ?? 0) + 1,
    };
    return { ...s.minutes };
  }

  async reopen(_tx: Transaction, sessionId: string, _by: string, at: Date, reason: string): Promise<void> {
    const s = this.store.sessions.find((x) => x.id === sessionId)!;
    s.minutes = {
      ...(s.minutes ?? OPEN_MINUTES),
      closedAt: null,
      closedById: null,
      reopenedAt: at,
      reopenReason: reason,
    };
    this.store.reopenReasons.push(reason);
  }

  async participantsOf(): Promise<MinutesRecipient[]> {
    return this.participants;
  }

  async archive(
    regionId: string,
    tableKey: string,
    range: { from: Date; until: Date },
    search: ArchiveSearch,
    page: PageRequest,
  ): Promise<KeysetPage<ArchivedSession>> {
    const { dossierCode, reader } = search;
    const readable = (i: ArchivedSession['items'][number]) =>
      reader.writer ||
      i.casusregisseurId === reader.personId ||
      i.aanmelderId === reader.personId ||
      (reader.member && i.sharedWithSession);
    const sessions = this.store.sessions
      .filter(
        (s) =>
          s.regionId === regionId &&
          s.tableKey === tableKey &&
          isHeld({ status: s.status as SessionStatus }) &&
          s.startsAt >= range.from &&
          s.startsAt < range.until,
      )
      .map((s) => ({
        id: s.id,
        startsAt: s.startsAt,
        minutesClosed: s.minutes?.closedAt != null,
        items: this.store.items.filter((i) => i.sessionId === s.id),
      }))
      .filter(
        (s) =>
          !dossierCode ||
          ((reader.writer || s.minutesClosed) &&
            s.items.some((i) => i.dossierCode === dossierCode && readable(i))),
      )
      .sort((a, b) => b.startsAt.getTime() - a.startsAt.getTime() || (a.id < b.id ? 1 : -1));
    return pageOfSorted(sessions, (s) => ({ at: s.startsAt, id: s.id }), page);
  }

  async actionPointOf(
    obligationId: string,
  ): Promise<{ sessionId: string; agendaItemId: string } | undefined> {
    const point = this.store.actionPoints.find((a) => a.obligationId === obligationId);
    const item = point && this.store.items.find((i) => i.id === point.agendaItemId);
    return item ? { sessionId: item.sessionId, agendaItemId: item.id } : undefined;
  }

  async ofDossier(
    dossierId: string,
    reader: DossierMinutesReader,
    page: PageRequest,
  ): Promise<KeysetPage<DossierMinutesEntry>> {
    const sessions = this.store.sessions
      .filter((s) => isHeld({ status: s.status as SessionStatus }) && reader.tables.includes(s.tableKey))
      .map((s) => ({
        s,
        items: this.store.items.filter(
          (i) =>
            i.sessionId === s.id && i.dossierId === dossierId && ['placed', 'discussed'].includes(i.status),
        ),
      }))
      .filter(
        ({ s, items }) =>
          items.length > 0 &&
          (reader.writingAt.includes(s.tableKey) ||
            (s.minutes?.closedAt != null && items.some((i) => i.casusregisseurId === reader.personId))),
      )
      .sort((a, b) => b.s.startsAt.getTime() - a.s.startsAt.getTime() || (a.s.id < b.s.id ? 1 : -1));
    const found = pageOfSorted(sessions, ({ s }) => ({ at: s.startsAt, id: s.id }), page);
    return {
      ...found,
      rows: found.rows.flatMap(({ s, items }) =>
        items.map(({ sessionId, ...item }) => ({
          sessionId,
          tableKey: s.tableKey,
          startsAt: s.startsAt,
          minutesClosed: s.minutes?.closedAt != null,
          item,
        })),
      ),
    };
  }
}

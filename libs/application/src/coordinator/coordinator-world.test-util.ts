import { DateTime } from 'luxon';
import { EMPTY_CALENDAR, generateSessions } from '@overlegtafels/domain';
import type { AuditEntry } from '../ports/audit-log.port';
import type { Transaction } from '../ports/unit-of-work.port';
import { CO3_ANTWERPEN } from '@overlegtafels/regions';
import {
  agendaItemRecord,
  FakeAgendaItem,
  FakeAgendaItemRepository,
  FakeAgendaSessionRepository,
  FakeDossierChanged,
  FakeRegionRepository,
  FakeSubmissionLedger,
  FakeUnitOfWork,
  sessionRecord,
} from '@overlegtafels/testing';
import type { AgendaItemMove } from '../agenda/agenda-notifier';
import type { Reallocation, TableAgendaState } from '../agenda/agenda.service';
import type { SessionRecord } from '../ports/agenda-session.repository.port';
import { CoordinatorActor, CoordinatorChange } from './coordinator-change';
import { SubmittedOnce } from '../submissions/submitted-once';

export const NOW = new Date('2026-11-20T10:00:00Z');
export const REGION = 'region-1';
export const ico = CO3_ANTWERPEN.tables.find((t) => t.key === 'ico')!;

/** Rows are keyed as the agenda keys them: table and scheduled date in Brussels. */
const keyOfRow = (row: SessionRecord) =>
  `${row.tableKey}:${DateTime.fromJSDate(row.scheduledStart, { zone: 'Europe/Brussels' }).toISODate()}`;

export const coordinator: CoordinatorActor = {
  personId: 'coordinator-1',
  regionId: REGION,
  route: 'POST /test',
  coordinatorTables: ['ico'],
};

/**
 * Everything a coordinator command stands on, in memory: the session and item fakes under one
 * unit of work, a notifier, an audit log, a mail dispatcher and a job planner that record what
 * they were told, and an agenda whose re-allocation returns the moves a test sets.
 */
export function coordinatorWorld(sessions: SessionRecord[], items: FakeAgendaItem[] = []) {
  const sessionRepo = new FakeAgendaSessionRepository(sessions);
  const itemRepo = new FakeAgendaItemRepository(items);
  const uow = new FakeUnitOfWork(sessionRepo.rows, itemRepo.rows);
  const dossierChanged = new FakeDossierChanged();
  const audit: { event: AuditEntry; tx: Transaction | undefined }[] = [];
  const told: { what: string; ids: string[]; reason: string | null; tx: Transaction }[] = [];
  const dispatched: string[][] = [];
  const planned: string[] = [];
  let nextMoves: AgendaItemMove[] = [];
  const locks: string[] = [];

  const state = (): TableAgendaState => ({
    table: ico,
    regionId: REGION,
    calendar: EMPTY_CALENDAR,
    rowsByKey: new Map(sessionRepo.rows.all().map((r) => [keyOfRow(r), r])),
    keyOfRow,
  });
  const agenda = {
    region: CO3_ANTWERPEN,
    generated: (s: TableAgendaState, fromMs: number, toMs: number) =>
      generateSessions(s.table, { fromMs, toMs }, s.calendar),
    lock: async (_tx: Transaction, tableKey: string) => {
      locks.push(tableKey);
      return state();
    },
    reallocate: async (): Promise<Reallocation> => ({ moves: nextMoves, unallocated: [], sessionIds: [] }),
  };
  const notifier = {
    itemsMoved: async (tx: Transaction, moves: readonly AgendaItemMove[], reason: string | null) => {
      const ids = moves.map((m) => `moved-${m.itemId}`);
      told.push({ what: 'itemsMoved', ids, reason, tx });
      return ids;
    },
    sessionCancelled: async (tx: Transaction, sessionId: string, reason: string) => {
      told.push({ what: 'sessionCancelled', ids: [`cancelled-${sessionId}`], reason, tx });
      return [`cancelled-${sessionId}`];
    },
    sessionMoved: async (tx: Transaction, sessionId: string, reason: string) => {
      told.push({ what: 'sessionMoved', ids: [`moved-session-${sessionId}`], reason, tx });
      return [`moved-session-${sessionId}`];
    },
    sessionPlaceChanged: async (tx: Transaction, sessionId: string) => {
      told.push({ what: 'sessionPlaceChanged', ids: [`place-${sessionId}`], reason: null, tx });
      return [`place-${sessionId}`];
    },
  };
  const clock = { now: () => NOW };
  const regions = new FakeRegionRepository({ [CO3_ANTWERPEN.key]: REGION });
  const periods = {
    created: [] as { tableKey: string | null; fromDate: Date; toDate: Date; reason: string }[],
    createClosedPeriod: async (
      _tx: Transaction,
      p: { tableKey: string | null; fromDate: Date; toDate: Date; reason: string },
    ) =>
      void periods.created.push({
        tableKey: p.tableKey,
        fromDate: p.fromDate,
        toDate: p.toDate,
        reason: p.reason,
      }),
  };
  const auditLog = {
    append: async (event: AuditEntry, _at: Date, tx?: Transaction) => void audit.push({ event, tx }),
    appendMany: async (events: readonly AuditEntry[], _at: Date, tx?: Transaction) =>
      void audit.push(...events.map((event) => ({ event, tx }))),
  };
  const dispatcher = { dispatch: async (ids: readonly string[]) => void dispatched.push([...ids]) };
  const planner = { planSession: async (id: string) => (planned.push(id), []) };
  const submissions = new FakeSubmissionLedger();
  const change = new CoordinatorChange(
    uow,
    agenda,
    sessionRepo,
    itemRepo,
    auditLog,
    notifier,
    dispatcher,
    planner,
    dossierChanged,
    clock,
    new SubmittedOnce(submissions),
  );
  return {
    sessionRepo,
    itemRepo,
    uow,
    dossierChanged,
    audit,
    told,
    dispatched,
    planned,
    locks,
    agenda,
    notifier,
    clock,
    change,
    periods,
    regions,
    auditLog,
    dispatcher,
    planner,
    submissions,
    willMove(moves: AgendaItemMove[]) {
      nextMoves = moves;
    },
  };
}

export { agendaItemRecord, sessionRecord };

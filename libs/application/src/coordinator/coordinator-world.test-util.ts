import { EMPTY_CALENDAR } from '@overlegtafels/domain';
import type { AuditEventInput, Transaction } from '@overlegtafels/persistence';
import { CO3_ANTWERPEN } from '@overlegtafels/regions';
import {
  agendaItemRecord,
  FakeAgendaItem,
  FakeAgendaItemRepository,
  FakeAgendaSessionRepository,
  FakeDossierChanged,
  FakeUnitOfWork,
  sessionRecord,
} from '@overlegtafels/testing';
import type { AgendaItemMove } from '../agenda/agenda-notifier';
import type { Reallocation, TableAgendaState } from '../agenda/agenda.service';
import type { SessionRecord } from '../ports/agenda-session.repository.port';
import { CoordinatorActor, CoordinatorChange } from './coordinator-change';

export const NOW = new Date('2026-11-20T10:00:00Z');
export const REGION = 'region-1';
export const ico = CO3_ANTWERPEN.tables.find((t) => t.key === 'ico')!;

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
  const audit: { event: AuditEventInput; tx: Transaction | undefined }[] = [];
  const told: { what: string; ids: string[]; reason: string | null; tx: Transaction }[] = [];
  const dispatched: string[][] = [];
  const planned: string[] = [];
  let nextMoves: AgendaItemMove[] = [];
  const locks: string[] = [];

  const state = (): TableAgendaState => ({
    table: ico,
    regionId: REGION,
    calendar: EMPTY_CALENDAR,
    rowsByKey: new Map(sessionRepo.rows.all().map((r) => [`ico:${r.id}`, r])),
    keyOfRow: (row) => `ico:${row.id}`,
  });
  const agenda = {
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
  };
  const clock = { now: () => NOW };
  const change = new CoordinatorChange(
    uow,
    agenda,
    sessionRepo,
    itemRepo,
    { append: async (event, _at, tx) => void audit.push({ event, tx }) },
    notifier,
    { dispatch: async (ids) => void dispatched.push([...ids]) },
    { planSession: async (id) => (planned.push(id), []) },
    dossierChanged,
    clock,
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
    willMove(moves: AgendaItemMove[]) {
      nextMoves = moves;
    },
  };
}

export { agendaItemRecord, sessionRecord };

import { Inject, Injectable } from '@nestjs/common';
import type { SessionStatus, SessionTransitionOk } from '@overlegtafels/domain';
import type { Prisma } from '../generated/prisma/client';
import { PrismaService } from '../prisma.service';
import { on, type Transaction } from '../transaction';
import { PrismaAgendaSessionRepository, sessionSelect, type SessionRow } from './agenda-session.repository';
import { itemSelect, PrismaAgendaItemRepository, type AgendaItemRow } from './agenda-item.repository';

export type SessionStatusValue = SessionStatus;
export type { AgendaItemRow, SessionRow };
export type AgendaItemStatusValue = 'placed' | 'rolled_over' | 'withdrawn' | 'discussed';

export interface NewAgendaItem {
  id?: string;
  sessionId: string;
  dossierId: string;
  tableKey: string;
  itemType: string;
  durationMinutes: number;
  position: number;
  slotStart: Date | null;
  slotEnd: Date | null;
  submittedAt: Date;
  submittedById: string;
  aanmeldingId?: string | null;
  question?: string | null;
  documentId?: string | null;
  guests?: {
    kind: 'aanmelder' | 'consulent' | 'expert';
    personId?: string | null;
    email?: string | null;
    name?: string | null;
  }[];
}

/** Lock keys live in their own namespace (first int) so they never meet the migrator's lock. */
const AGENDA_LOCK_NAMESPACE = 4_104;

/**
 * Zittingen (rows of `sessions`) and agendapunten. Every method takes the transaction it runs in:
 * the agenda is only ever changed under the table's lock, inside the change's transaction.
 */
@Injectable()
export class AgendaRepository {
  constructor(
    @Inject(PrismaService) private readonly prisma: PrismaService,
    @Inject(PrismaAgendaSessionRepository) private readonly sessionRows: PrismaAgendaSessionRepository,
    @Inject(PrismaAgendaItemRepository) private readonly items: PrismaAgendaItemRepository,
  ) {}

  /** Serialises every change to one table's agenda until the transaction ends. */
  async lockTable(tx: Transaction, regionId: string, tableKey: string): Promise<void> {
    await on(tx, this.prisma)
      .$executeRaw`SELECT pg_advisory_xact_lock(${AGENDA_LOCK_NAMESPACE}::int, hashtext(${regionId + ':' + tableKey}))`;
  }

  async sessionsBetween(
    regionId: string,
    tableKey: string,
    from: Date,
    to: Date,
    tx?: Transaction,
  ): Promise<SessionRow[]> {
    return (await on(tx, this.prisma).session.findMany({
      where: { regionId, tableKey, startsAt: { gte: from, lt: to } },
      select: sessionSelect,
      orderBy: { startsAt: 'asc' },
    })) as SessionRow[];
  }

  async session(id: string, tx?: Transaction): Promise<SessionRow | undefined> {
    return (
      ((await on(tx, this.prisma).session.findUnique({
        where: { id },
        select: sessionSelect,
      })) as SessionRow | null) ?? undefined
    );
  }

  /** Held: a decision was taken on one of its items (the transition the domain allowed). */
  markHeld(tx: Transaction, id: string, at: Date, transition: SessionTransitionOk): Promise<void> {
    return this.sessionRows.markHeld(tx, id, at, transition);
  }

  /** Agendapunten still to be held (placed or rolled over) on the given sessions. */
  activeItems(tx: Transaction, sessionIds: readonly string[]): Promise<AgendaItemRow[]> {
    return this.items.activeItems(tx, sessionIds);
  }

  item(id: string, tx?: Transaction): Promise<AgendaItemRow | undefined> {
    return this.items.item(id, tx);
  }

  async createItem(tx: Transaction, input: NewAgendaItem): Promise<AgendaItemRow> {
    const { guests, ...data } = input;
    return (await on(tx, this.prisma).agendaItem.create({
      data: {
        ...data,
        status: 'placed',
        ...(guests && guests.length > 0 ? { guests: { create: guests } } : {}),
      },
      select: itemSelect,
    })) as AgendaItemRow;
  }

  async updateItem(tx: Transaction, id: string, data: Prisma.AgendaItemUncheckedUpdateInput): Promise<void> {
    await on(tx, this.prisma).agendaItem.update({ where: { id }, data });
  }

  async createDocument(
    tx: Transaction,
    data: {
      dossierId: string;
      storageKey: string;
      fileName: string;
      mimeType: string;
      sizeBytes: number;
      sha256: string;
      uploadedById: string;
      uploadedAt: Date;
    },
  ): Promise<string> {
    const row = await on(tx, this.prisma).document.create({ data, select: { id: true } });
    return row.id;
  }

  async document(id: string) {
    return this.prisma.document.findUnique({
      where: { id },
      select: {
        id: true,
        dossierId: true,
        storageKey: true,
        fileName: true,
        mimeType: true,
        sizeBytes: true,
        sha256: true,
      },
    });
  }

  /** Active people of the region by e-mail (guests who have an account are linked to it). */
  async personIdsByEmail(
    tx: Transaction,
    regionId: string,
    emails: readonly string[],
  ): Promise<Map<string, string>> {
    if (emails.length === 0) return new Map();
    const rows = await on(tx, this.prisma).person.findMany({
      where: { regionId, active: true, email: { in: [...emails] } },
      select: { id: true, email: true },
    });
    return new Map(rows.map((r) => [r.email.toLowerCase(), r.id]));
  }

  /** Per session row, the agendapunten on its agenda (to be held or discussed) and their minutes. */
  async sessionLoad(
    sessionIds: readonly string[],
    tx?: Transaction,
  ): Promise<Map<string, { minutes: number; items: number }>> {
    if (sessionIds.length === 0) return new Map();
    const rows = await on(tx, this.prisma).agendaItem.groupBy({
      by: ['sessionId'],
      where: { sessionId: { in: [...sessionIds] }, status: { in: ['placed', 'rolled_over', 'discussed'] } },
      _sum: { durationMinutes: true },
      _count: { _all: true },
    });
    return new Map(
      rows.map((r) => [r.sessionId, { minutes: r._sum.durationMinutes ?? 0, items: r._count._all }]),
    );
  }

  async personContact(
    tx: Transaction,
    id: string,
  ): Promise<{ id: string; email: string; displayName: string } | undefined> {
    return (
      (await on(tx, this.prisma).person.findUnique({
        where: { id },
        select: { id: true, email: true, displayName: true },
      })) ?? undefined
    );
  }

  async isCasusregisseur(tx: Transaction, regionId: string, personId: string): Promise<boolean> {
    const row = await on(tx, this.prisma).roleAssignment.findFirst({
      where: { personId, role: 'casusregisseur', person: { regionId, active: true } },
      select: { id: true },
    });
    return row !== null;
  }

  async createClosedPeriod(
    tx: Transaction,
    data: {
      regionId: string;
      tableKey: string | null;
      fromDate: Date;
      toDate: Date;
      reason: string;
      createdById: string;
    },
  ): Promise<void> {
    await on(tx, this.prisma).closedPeriod.create({ data });
  }

  async closedPeriods(regionId: string) {
    return this.prisma.closedPeriod.findMany({
      where: { regionId },
      select: { id: true, tableKey: true, fromDate: true, toDate: true, reason: true },
      orderBy: { fromDate: 'asc' },
    });
  }

  /** A session's agenda with what the agenda page shows: codes, types, who brings it, guests. */
  async agendaOf(sessionId: string) {
    return this.prisma.agendaItem.findMany({
      where: { sessionId, status: { in: ['placed', 'rolled_over', 'discussed'] } },
      select: {
        ...itemSelect,
        question: true,
        sharedWithSession: true,
        dossier: {
          select: {
            id: true,
            code: true,
            phase: true,
            casusregisseurId: true,
            aanmelderId: true,
            regionId: true,
            aanmelderOrganisation: { select: { kind: true } },
          },
        },
        submittedBy: { select: { displayName: true, organisation: { select: { name: true } } } },
        document: { select: { id: true, fileName: true, sizeBytes: true } },
        guests: { select: { kind: true, email: true, name: true } },
        decision: { select: { id: true, kind: true, decidedAt: true } },
      },
      orderBy: { position: 'asc' },
    });
  }
}

import { Inject, Injectable } from '@nestjs/common';
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
  NewActionPoint,
  KeysetPage,
  PageRequest,
  SessionMinutesRepository,
} from '@overlegtafels/application';
import type { AttendanceStatus, TableFunction } from '@overlegtafels/domain';
import { Prisma } from '../generated/prisma/client';
import { PrismaService } from '../prisma.service';
import { on, type Transaction } from '../transaction';
import { keysetPage } from './keyset-query';
import { archiveCodeFilter, archivedSessionOf, archiveSelect } from './session-archive.query';
import { HELD_ITEMS, itemOf, itemSelect } from './minutes-item.query';

const stateSelect = {
  closedAt: true,
  closedById: true,
  reopenedAt: true,
  reopenReason: true,
  closings: true,
} satisfies Prisma.SessionMinutesSelect;

/** The verslag of a session: attendance, per item its text, guests present and action points. */
@Injectable()
export class PrismaSessionMinutesRepository implements SessionMinutesRepository {
  constructor(@Inject(PrismaService) private readonly prisma: PrismaService) {}

  async session(tx: Transaction | undefined, sessionId: string): Promise<MinutesSession | undefined> {
    const row = await on(tx, this.prisma).session.findUnique({
      where: { id: sessionId },
      select: {
        id: true,
        regionId: true,
        tableKey: true,
        status: true,
        startsAt: true,
        minutes: { select: stateSelect },
      },
    });
    return row ? { ...row, status: String(row.status), minutes: row.minutes ?? null } : undefined;
  }

  async lockMinutes(tx: Transaction, sessionId: string): Promise<MinutesState> {
    const db = on(tx, this.prisma);
    await db.$executeRaw`
      INSERT INTO session_minutes (session_id) VALUES (${sessionId}::uuid) ON CONFLICT (session_id) DO NOTHING`;
    await db.$queryRaw`SELECT id FROM session_minutes WHERE session_id = ${sessionId}::uuid FOR UPDATE`;
    return db.sessionMinutes.findUniqueOrThrow({ where: { sessionId }, select: stateSelect });
  }

  async tableFunctionOf(regionId: string, tableKey: string, personId: string): Promise<TableFunction | null> {
    const row = await this.prisma.tableMembership.findFirst({
      where: { regionId, tableKey, personId, person: { active: true } },
      select: { function: true },
    });
    return row ? (String(row.function).replace(/_/g, '-') as TableFunction) : null;
  }

  async itemsOf(tx: Transaction | undefined, sessionId: string): Promise<MinutesItem[]> {
    const rows = await on(tx, this.prisma).agendaItem.findMany({
      where: { sessionId, ...HELD_ITEMS },
      select: itemSelect,
      orderBy: [{ position: 'asc' }, { id: 'asc' }],
    });
    return rows.map(itemOf);
  }

  async attendanceOf(sessionId: string): Promise<AttendanceEntry[]> {
    const rows = await this.prisma.sessionAttendance.findMany({
      where: { sessionId },
      select: { participant: true, status: true },
    });
    return rows.map((r) => ({ participant: r.participant, status: r.status as AttendanceStatus }));
  }

  async saveAttendance(
    tx: Transaction,
    sessionId: string,
    entries: readonly AttendanceEntry[],
    byPersonId: string,
    at: Date,
  ): Promise<void> {
    const db = on(tx, this.prisma);
    for (const e of entries) {
      await db.sessionAttendance.upsert({
        where: { sessionId_participant: { sessionId, participant: e.participant } },
        create: {
          sessionId,
          participant: e.participant,
          status: e.status,
          recordedById: byPersonId,
          recordedAt: at,
        },
        update: { status: e.status, recordedById: byPersonId, recordedAt: at },
      });
    }
  }

  async saveItemMinutes(
    tx: Transaction,
    agendaItemId: string,
    minutes: { text: string; guestsPresent: readonly string[] },
    byPersonId: string,
    at: Date,
  ): Promise<void> {
    const data = {
      text: minutes.text,
      guestsPresent: [...minutes.guestsPresent],
      updatedById: byPersonId,
      updatedAt: at,
    };
    await on(tx, this.prisma).itemMinutes.upsert({
      where: { agendaItemId },
      create: { agendaItemId, ...data },
      update: data,
    });
  }

  async ownerCandidates(sessionId: string): Promise<ActionOwnerCandidate[]> {
    const { session, ids } = await this.peopleOfItems(undefined, sessionId);
    const people = await this.prisma.person.findMany({
      where: {
        regionId: session.regionId,
        active: true,
        OR: [
          { id: { in: [...ids] } },
          { tableMemberships: { some: { regionId: session.regionId, tableKey: session.tableKey } } },
        ],
      },
      select: { id: true, displayName: true, organisationId: true, organisation: { select: { name: true } } },
      orderBy: [{ displayName: 'asc' }, { id: 'asc' }],
    });
    return people.map((p) => ({
      personId: p.id,
      displayName: p.displayName,
      organisationId: p.organisationId,
      organisationName: p.organisation?.name ?? null,
    }));
  }

  async addActionPoint(tx: Transaction, point: NewActionPoint): Promise<void> {
    await on(tx, this.prisma).actionPoint.create({ data: { ...point } });
  }

  async close(tx: Transaction, sessionId: string, byPersonId: string, at: Date): Promise<MinutesState> {
    return on(tx, this.prisma).sessionMinutes.update({
      where: { sessionId },
      data: { closedAt: at, closedById: byPersonId, closings: { increment: 1 } },
      select: stateSelect,
    });
  }

  async reopen(
    tx: Transaction,
    sessionId: string,
    byPersonId: string,
    at: Date,
    reason: string,
  ): Promise<void> {
    await on(tx, this.prisma).sessionMinutes.update({
      where: { sessionId },
      data: {
        closedAt: null,
        closedById: null,
        reopenedAt: at,
        reopenedById: byPersonId,
        reopenReason: reason,
      },
    });
  }

  async participantsOf(tx: Transaction, sessionId: string): Promise<MinutesRecipient[]> {
    const db = on(tx, this.prisma);
    const { session, ids } = await this.peopleOfItems(tx, sessionId);
    const people = await db.person.findMany({
      where: {
        regionId: session.regionId,
        active: true,
        OR: [
          { id: { in: [...ids] } },
          {
            tableMemberships: {
              some: { regionId: session.regionId, tableKey: session.tableKey, standing: true },
            },
          },
          {
            roleAssignments: {
              some: { role: 'coordinator', OR: [{ tableKey: session.tableKey }, { tableKey: null }] },
            },
          },
        ],
      },
      select: { id: true, email: true, displayName: true },
      orderBy: { id: 'asc' },
    });
    return people.map((p) => ({ personId: p.id, email: p.email, displayName: p.displayName }));
  }

  /** The session's table, and the casusregisseurs, aanmelders and guests (with an account) of its items. */
  private async peopleOfItems(tx: Transaction | undefined, sessionId: string) {
    const db = on(tx, this.prisma);
    const session = await db.session.findUniqueOrThrow({
      where: { id: sessionId },
      select: { regionId: true, tableKey: true },
    });
    const items = await db.agendaItem.findMany({
      where: { sessionId, ...HELD_ITEMS },
      select: {
        dossier: { select: { casusregisseurId: true, aanmelderId: true } },
        guests: { select: { personId: true } },
      },
    });
    const ids = new Set<string>();
    for (const i of items) {
      if (i.dossier.casusregisseurId) ids.add(i.dossier.casusregisseurId);
      ids.add(i.dossier.aanmelderId);
      for (const g of i.guests) if (g.personId) ids.add(g.personId);
    }
    return { session, ids };
  }

  async archive(
    regionId: string,
    tableKey: string,
    range: { from: Date; until: Date },
    search: ArchiveSearch,
    page: PageRequest,
  ): Promise<KeysetPage<ArchivedSession>> {
    const where: Prisma.SessionWhereInput = {
      regionId,
      tableKey,
      status: 'held',
      startsAt: { gte: range.from, lt: range.until },
      ...(search.dossierCode && archiveCodeFilter(search.dossierCode, search.reader)),
    };
    const found = await keysetPage(
      page,
      'startsAt',
      where,
      (args) =>
        this.prisma.session.findMany({
          ...(args as { where: Prisma.SessionWhereInput; orderBy: Prisma.SessionOrderByWithRelationInput[] }),
          select: archiveSelect,
        }),
      (args) => this.prisma.session.count(args as { where: Prisma.SessionWhereInput }),
      (r) => ({ at: r.startsAt, id: r.id }),
    );
    return {
      ...found,
      rows: found.rows.map(archivedSessionOf),
    };
  }

  async actionPointOf(
    obligationId: string,
  ): Promise<{ sessionId: string; agendaItemId: string } | undefined> {
    const row = await this.prisma.actionPoint.findUnique({
      where: { obligationId },
      select: { agendaItemId: true, agendaItem: { select: { sessionId: true } } },
    });
    return row ? { sessionId: row.agendaItem.sessionId, agendaItemId: row.agendaItemId } : undefined;
  }

  async ofDossier(
    dossierId: string,
    reader: DossierMinutesReader,
    page: PageRequest,
  ): Promise<KeysetPage<DossierMinutesEntry>> {
    const ofDossier: Prisma.AgendaItemWhereInput = { dossierId, ...HELD_ITEMS };
    // Need-to-know in SQL, so that no page is cut: a coordinator of the table reads it while it
    // is written, the dossier's casusregisseur once it is closed.
    const where: Prisma.SessionWhereInput = {
      status: 'held',
      tableKey: { in: [...reader.tables] },
      agendaItems: { some: ofDossier },
      OR: [
        { tableKey: { in: [...reader.writingAt] } },
        {
          minutes: { closedAt: { not: null } },
          agendaItems: { some: { ...ofDossier, dossier: { casusregisseurId: reader.personId } } },
        },
      ],
    };
    const found = await keysetPage(
      page,
      'startsAt',
      where,
      (args) =>
        this.prisma.session.findMany({
          ...(args as { where: Prisma.SessionWhereInput; orderBy: Prisma.SessionOrderByWithRelationInput[] }),
          select: {
            id: true,
            tableKey: true,
            startsAt: true,
            minutes: { select: { closedAt: true } },
            agendaItems: {
              where: ofDossier,
              select: itemSelect,
              orderBy: [{ position: 'asc' }, { id: 'asc' }],
            },
          },
        }),
      (args) => this.prisma.session.count(args as { where: Prisma.SessionWhereInput }),
      (r) => ({ at: r.startsAt, id: r.id }),
    );
    return {
      ...found,
      rows: found.rows.flatMap((session) =>
        session.agendaItems.map((item) => ({
          sessionId: session.id,
          tableKey: session.tableKey,
          startsAt: session.startsAt,
          minutesClosed: session.minutes?.closedAt != null,
          item: itemOf(item),
        })),
      ),
    };
  }
}

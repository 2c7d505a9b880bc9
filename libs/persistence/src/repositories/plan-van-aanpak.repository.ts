import { Inject, Injectable } from '@nestjs/common';
import type {
  FamilyMember,
  NewPlanVersion,
  PlanAgendaItemRecord,
  PlanDraftRecord,
  PlanVanAanpakRepository,
  PlanVersionRecord,
  Transaction,
} from '@overlegtafels/application';
import type { AgenderingBrief, PlanContent, PlanRow } from '@overlegtafels/domain';
import type { Prisma } from '../generated/prisma/client';
import { PrismaService } from '../prisma.service';
import { on } from '../transaction';

/** The rows as stored: the domain's PlanRow objects, written by this repository only. */
const rowsOf = (json: Prisma.JsonValue): PlanRow[] =>
  Array.isArray(json) ? (json as unknown as PlanRow[]) : [];
const asJson = (rows: readonly PlanRow[]) => rows as unknown as Prisma.InputJsonValue;
const keysOf = (json: Prisma.JsonValue): string[] =>
  Array.isArray(json) ? json.filter((k): k is string => typeof k === 'string') : [];

/** The plan van aanpak's draft, its frozen versions and the agenda items' briefs. */
@Injectable()
export class PrismaPlanVanAanpakRepository implements PlanVanAanpakRepository {
  constructor(@Inject(PrismaService) private readonly prisma: PrismaService) {}

  /**
   * In a transaction the draft's row is locked until it commits: two edits of the same plan, or an
   * edit and an agendering that freezes it, follow each other instead of one undoing the other or
   * both taking the same version number.
   */
  async draftOf(tx: Transaction | undefined, dossierId: string): Promise<PlanDraftRecord | undefined> {
    if (tx) {
      await on(tx, this.prisma)
        .$queryRaw`SELECT id FROM plannen_van_aanpak WHERE dossier_id = ${dossierId}::uuid FOR UPDATE`;
    }
    const row = await on(tx, this.prisma).planVanAanpak.findUnique({ where: { dossierId } });
    return row
      ? {
          profiles: keysOf(row.profiles),
          rows: rowsOf(row.rows),
          updatedAt: row.updatedAt,
          updatedById: row.updatedById,
        }
      : undefined;
  }

  async saveDraft(
    tx: Transaction,
    dossierId: string,
    content: PlanContent,
    by: { personId: string; at: Date },
  ): Promise<void> {
    const data = {
      profiles: [...content.profiles],
      rows: asJson(content.rows),
      updatedById: by.personId,
      updatedAt: by.at,
    };
    await on(tx, this.prisma).planVanAanpak.upsert({
      where: { dossierId },
      create: { dossierId, ...data },
      update: data,
    });
  }

  async familyMembersOf(tx: Transaction | undefined, dossierId: string): Promise<FamilyMember[]> {
    const rows = await on(tx, this.prisma).aanmeldingClient.findMany({
      where: { aanmelding: { dossierId } },
      select: { id: true, label: true, role: true },
      orderBy: [{ aanmelding: { sequence: 'asc' } }, { position: 'asc' }],
    });
    return rows.map((r) => ({ id: r.id, label: r.label, role: String(r.role) }));
  }

  async versionsOf(tx: Transaction | undefined, dossierId: string): Promise<PlanVersionRecord[]> {
    const rows = await on(tx, this.prisma).planVanAanpakVersion.findMany({
      where: { dossierId },
      orderBy: { number: 'asc' },
      include: {
        agendaItem: { select: { itemType: true, status: true, session: { select: { startsAt: true } } } },
      },
    });
    return rows.map((r) => ({
      id: r.id,
      dossierId: r.dossierId,
      number: r.number,
      profiles: keysOf(r.profiles),
      rows: rowsOf(r.rows),
      agendaItemId: r.agendaItemId,
      tableKey: r.tableKey,
      itemType: r.agendaItem.itemType,
      sessionStartsAt: r.agendaItem.session.startsAt,
      frozenAt: r.frozenAt,
      frozenById: r.frozenById,
      withdrawn: r.agendaItem.status === 'withdrawn',
    }));
  }

  async freezeVersion(tx: Transaction, version: NewPlanVersion): Promise<void> {
    await on(tx, this.prisma).planVanAanpakVersion.create({
      data: { ...version, profiles: [...version.profiles], rows: asJson(version.rows) },
    });
  }

  async saveBrief(tx: Transaction, agendaItemId: string, brief: AgenderingBrief): Promise<void> {
    const { kind, ...answers } = brief;
    await on(tx, this.prisma).agenderingBrief.create({
      data: { agendaItemId, kind, answers: answers as unknown as Prisma.InputJsonValue },
    });
  }

  async agendaItem(agendaItemId: string): Promise<PlanAgendaItemRecord | undefined> {
    const row = await this.prisma.agendaItem.findUnique({
      where: { id: agendaItemId },
      select: {
        id: true,
        tableKey: true,
        itemType: true,
        sharedWithSession: true,
        question: true,
        session: { select: { startsAt: true } },
        dossier: { select: { id: true, code: true, regionId: true, casusregisseurId: true } },
        brief: { select: { kind: true, answers: true } },
      },
    });
    if (!row) return undefined;
    const { session, brief, ...item } = row;
    return {
      ...item,
      sessionStartsAt: session.startsAt,
      brief: brief
        ? ({ kind: brief.kind, ...(brief.answers as object) } as unknown as AgenderingBrief)
        : null,
    };
  }
}

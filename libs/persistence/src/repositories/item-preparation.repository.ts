import { Inject, Injectable } from '@nestjs/common';
import type {
  ItemPreparationRepository,
  PreparationItemContext,
  PreparationRecord,
  PreparationWrite,
  TablePartner,
  TableSeat,
  Transaction,
} from '@overlegtafels/application';
import type { PreparationVisibility, SessionStatus, TableFunction } from '@overlegtafels/domain';
import { PrismaService } from '../prisma.service';
import { on } from '../transaction';
import { roleKey } from './role-keys';

const CONTEXT = {
  id: true,
  itemType: true,
  position: true,
  tableKey: true,
  dossierId: true,
  dossier: { select: { code: true, aanmelderId: true } },
  session: {
    select: { id: true, regionId: true, status: true, scheduledStart: true, startsAt: true, endsAt: true },
  },
} as const;

interface ContextRow {
  id: string;
  itemType: string;
  position: number;
  tableKey: string;
  dossierId: string;
  dossier: { code: string; aanmelderId: string | null };
  session: {
    id: string;
    regionId: string;
    status: string;
    scheduledStart: Date;
    startsAt: Date;
    endsAt: Date;
  };
}

function contextOf(row: ContextRow): PreparationItemContext {
  return {
    itemId: row.id,
    itemType: row.itemType,
    position: row.position,
    tableKey: row.tableKey,
    dossierId: row.dossierId,
    dossierCode: row.dossier.code,
    aanmelderId: row.dossier.aanmelderId,
    session: { ...row.session, status: row.session.status as SessionStatus },
  };
}

/** The partners' preparations of agendapunten, one row per organisation per item. */
@Injectable()
export class PrismaItemPreparationRepository implements ItemPreparationRepository {
  constructor(@Inject(PrismaService) private readonly prisma: PrismaService) {}

  async itemContext(itemId: string, tx?: Transaction): Promise<PreparationItemContext | undefined> {
    const row = await on(tx, this.prisma).agendaItem.findUnique({ where: { id: itemId }, select: CONTEXT });
    return row ? contextOf(row) : undefined;
  }

  async sessionItems(sessionId: string): Promise<PreparationItemContext[]> {
    const rows = await this.prisma.agendaItem.findMany({
      where: { sessionId, status: { in: ['placed', 'rolled_over', 'discussed'] } },
      select: CONTEXT,
      orderBy: [{ position: 'asc' }, { arrival: 'asc' }],
    });
    return rows.map(contextOf);
  }

  async seatOf(
    regionId: string,
    tableKey: string,
    personId: string,
    tx?: Transaction,
  ): Promise<TableSeat | undefined> {
    const row = await on(tx, this.prisma).tableMembership.findFirst({
      where: { regionId, tableKey, personId, person: { active: true, regionId } },
      select: {
        personId: true,
        function: true,
        person: {
          select: { organisation: { select: { id: true, name: true, kind: true, regionId: true } } },
        },
      },
    });
    if (!row) return undefined;
    const org = row.person.organisation?.regionId === regionId ? row.person.organisation : null;
    return {
      personId: row.personId,
      function: roleKey(row.function) as TableFunction,
      organisationId: org?.id ?? null,
      organisationName: org?.name ?? null,
      organisationKind: org ? roleKey(org.kind) : null,
    };
  }

  async partners(regionId: string, tableKey: string, tx?: Transaction): Promise<TablePartner[]> {
    const rows = await on(tx, this.prisma).tableMembership.findMany({
      where: {
        regionId,
        tableKey,
        function: 'lid',
        person: { active: true, regionId, organisation: { is: { active: true, regionId } } },
      },
      select: {
        person: {
          select: {
            id: true,
            email: true,
            displayName: true,
            organisation: { select: { id: true, name: true, kind: true } },
          },
        },
      },
      orderBy: { createdAt: 'asc' },
    });
    const partners = new Map<string, TablePartner & { members: TablePartner['members'][number][] }>();
    for (const { person } of rows) {
      const org = person.organisation!;
      const partner = partners.get(org.id) ?? {
        organisationId: org.id,
        organisationName: org.name,
        organisationKind: roleKey(org.kind),
        members: [],
      };
      partner.members.push({ personId: person.id, email: person.email, displayName: person.displayName });
      partners.set(org.id, partner);
    }
    return [...partners.values()].sort((a, b) => a.organisationName.localeCompare(b.organisationName, 'nl'));
  }

  async entriesOf(itemIds: readonly string[], tx?: Transaction): Promise<PreparationRecord[]> {
    if (itemIds.length === 0) return [];
    const rows = await on(tx, this.prisma).itemPreparation.findMany({
      where: { agendaItemId: { in: [...itemIds] } },
      select: {
        id: true,
        agendaItemId: true,
        organisationId: true,
        known: true,
        summary: true,
        riskSignals: true,
        visibility: true,
        recordedById: true,
        updatedAt: true,
        organisation: { select: { name: true } },
        recordedBy: { select: { displayName: true } },
      },
    });
    return rows
      .map(({ organisation, recordedBy, visibility, ...r }) => ({
        ...r,
        visibility: visibility as PreparationVisibility,
        organisationName: organisation.name,
        recordedByName: recordedBy.displayName,
      }))
      .sort(
        (a, b) =>
          a.agendaItemId.localeCompare(b.agendaItemId) ||
          a.organisationName.localeCompare(b.organisationName, 'nl'),
      );
  }

  async save(tx: Transaction, entry: PreparationWrite): Promise<{ created: boolean }> {
    const db = on(tx, this.prisma);
    const key = { agendaItemId: entry.agendaItemId, organisationId: entry.organisationId };
    const values = {
      known: entry.known,
      summary: entry.summary,
      riskSignals: entry.riskSignals,
      visibility: entry.visibility,
      recordedById: entry.recordedById,
      updatedAt: entry.at,
    };
    const existing = await db.itemPreparation.findUnique({
      where: { agendaItemId_organisationId: key },
      select: { id: true },
    });
    if (existing) {
      await db.itemPreparation.update({ where: { id: existing.id }, data: values });
      return { created: false };
    }
    await db.itemPreparation.create({ data: { ...key, ...values, createdAt: entry.at } });
    return { created: true };
  }
}

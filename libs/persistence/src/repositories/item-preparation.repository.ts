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
      organisationKind: org ? org.kind : null,
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
        organisationKind: org.kind,
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

  /**
   * One statement (INSERT … ON CONFLICT), so two colleagues saving at once change the one entry
   * instead of one of them failing on the unique key; `xmax = 0` tells a new row from an update.
   */
  async save(tx: Transaction, entry: PreparationWrite): Promise<{ created: boolean }> {
    const [row] = await on(tx, this.prisma).$queryRaw<{ created: boolean }[]>`
      INSERT INTO item_preparations
        (agenda_item_id, organisation_id, known, summary, risk_signals, visibility, recorded_by_id, created_at, updated_at)
      VALUES
        (${entry.agendaItemId}::uuid, ${entry.organisationId}::uuid, ${entry.known}, ${entry.summary},
         ${entry.riskSignals}, ${entry.visibility}::preparation_visibility, ${entry.recordedById}::uuid,
         ${entry.at}, ${entry.at})
      ON CONFLICT (agenda_item_id, organisation_id) DO UPDATE SET
        known = EXCLUDED.known,
        summary = EXCLUDED.summary,
        risk_signals = EXCLUDED.risk_signals,
        visibility = EXCLUDED.visibility,
        recorded_by_id = EXCLUDED.recorded_by_id,
        updated_at = EXCLUDED.updated_at
      RETURNING (xmax = 0) AS created`;
    return { created: row!.created };
  }
}

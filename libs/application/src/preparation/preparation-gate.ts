import { Inject, Injectable } from '@nestjs/common';
import { scopedRegion } from '../region-time-zone';
import { DateTime } from 'luxon';
import { APP_CONFIG, AppConfig, CLOCK, Clock } from '@overlegtafels/config';
import {
  findTable,
  getSession,
  PreparationAudience,
  preparationWindow,
  PreparationWindow,
  RegionConfig,
  tafelEntriesOpen,
  TableDefinition,
} from '@overlegtafels/domain';
import { AgendaRefusal } from '../errors';
import { coordinatesTable, Viewer } from '../agenda/agenda-queries';
import { AuditLog } from '../ports/audit-log.port';
import { withinRegion } from '../region-fence/region-fence';
import { ItemPreparationRepository, PreparationItemContext, TableSeat } from '../ports/item-preparation.port';
import type { Transaction } from '../ports/unit-of-work.port';

/** What someone may do with one item's preparation, decided once per request. */
export interface PreparationAccess {
  readonly item: PreparationItemContext;
  readonly table: TableDefinition;
  readonly seat: TableSeat | undefined;
  readonly audience: PreparationAudience;
  readonly coordinator: boolean;
  /** A member (not the chair or a coordinator) whose organisation takes part in the table: records an entry. */
  readonly partner: boolean;
  readonly preparationStart: Date;
}

/** The chair, the coordinator and the verslaggever run the session; they do not prepare as a partner. */
const RUNS_THE_TABLE: ReadonlySet<string> = new Set(['voorzitter', 'coordinator', 'verslaggever']);

export const notFound = () =>
  new AgendaRefusal('ITEM_NOT_FOUND', 'Agendapunt niet gevonden.', undefined, 'not_found');

/**
 * Need-to-know for the preparations (guide II.C). Another region's item, or one of a table the
 * person neither coordinates nor sits at, answers "not found" like an unknown id, and the denial
 * is audited outside any transaction so it stays. A coordinator of the table or its voorzitter
 * reads everything; the item's aanmelder never another partner's input; a partner at the table
 * its own entry and, once the session is in progress, the other partners' `tafel` entries.
 */
@Injectable()
export class PreparationGate {
  /** The region of the current work (the actor's): read at each use. */
  private get region(): RegionConfig {
    return scopedRegion(this.config);
  }

  constructor(
    @Inject(ItemPreparationRepository) private readonly preparations: ItemPreparationRepository,
    @Inject(AuditLog) private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'regions'>,
  ) {}

  async open(actor: Viewer, itemId: string, action: string, tx?: Transaction): Promise<PreparationAccess> {
    const found = await this.preparations.itemContext(itemId, tx);
    // Another region's item: the fence audits the attempt (with the item) and answers as for none.
    const item = await withinRegion(
      this.audit,
      actor,
      found && { ...found, regionId: found.session.regionId },
      (i) => ({
        action,
        entityType: 'agenda_item',
        entityId: i.itemId,
        dossierId: i.dossierId,
        code: i.dossierCode,
      }),
      this.clock.now(),
    );
    const table = item ? findTable(this.region, item.tableKey) : undefined;
    if (!item || !table) {
      if (!found) await this.denied(actor, action, undefined);
      else if (item) await this.denied(actor, action, item);
      throw notFound();
    }
    const seat = await this.preparations.seatOf(actor.regionId, item.tableKey, actor.personId, tx);
    const coordinator = coordinatesTable(actor, item.tableKey);
    const audience: PreparationAudience | undefined =
      coordinator || seat?.function === 'voorzitter'
        ? 'full'
        : item.aanmelderId === actor.personId
          ? 'aanmelder'
          : seat?.organisationId
            ? 'member'
            : undefined;
    if (!audience) {
      await this.denied(actor, action, item);
      throw notFound();
    }
    const kinds = new Set(table.participants.flatMap((p) => ('organisation' in p ? [p.organisation] : [])));
    // The preparation start follows the slot of the series the session stands for (also after a move).
    const scheduledDate = DateTime.fromJSDate(item.session.scheduledStart, {
      zone: table.timeZone,
    }).toISODate()!;
    return {
      item,
      table,
      seat,
      audience,
      coordinator,
      partner:
        !!seat?.organisationId &&
        !RUNS_THE_TABLE.has(seat.function) &&
        kinds.has(seat.organisationKind as never),
      preparationStart: new Date(getSession(table, scheduledDate).preparationStartMs),
    };
  }

  window(access: PreparationAccess, now: Date): PreparationWindow {
    const { session } = access.item;
    return preparationWindow(
      {
        status: session.status,
        startsAtMs: session.startsAt.getTime(),
        endsAtMs: session.endsAt.getTime(),
        preparationStartMs: access.preparationStart.getTime(),
      },
      now.getTime(),
    );
  }

  tafelOpen(access: PreparationAccess, now: Date): boolean {
    const { session } = access.item;
    return tafelEntriesOpen(
      { status: session.status, startsAtMs: session.startsAt.getTime() },
      now.getTime(),
    );
  }

  /** A coordinator of the item's table (the overview and the reminders are theirs). */
  requireCoordinator(access: PreparationAccess): void {
    if (!access.coordinator) throw notFound();
  }

  /** The audit event of a read or change of the item's preparation: the code and ids, never the text. */
  audited(
    actor: Viewer,
    item: PreparationItemContext,
    action: string,
    outcome: 'allowed' | 'denied',
    details: Record<string, string | number | boolean | null>,
    now: Date,
    tx?: Transaction,
  ): Promise<void> {
    return this.audit.append(
      {
        actorPersonId: actor.personId,
        action,
        entityType: 'agenda_item',
        entityId: item.itemId,
        dossierId: item.dossierId,
        outcome,
        route: actor.route ?? null,
        details: { code: item.dossierCode, ...details },
      },
      now,
      tx,
    );
  }

  private async denied(
    actor: Viewer,
    action: string,
    item: PreparationItemContext | undefined,
  ): Promise<void> {
    await this.audit.append(
      {
        actorPersonId: actor.personId,
        action,
        entityType: 'agenda_item',
        entityId: item?.itemId ?? null,
        dossierId: item?.dossierId ?? null,
        outcome: 'denied',
        route: actor.route ?? null,
      },
      this.clock.now(),
    );
  }
}

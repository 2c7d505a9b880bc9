import { Inject, Injectable } from '@nestjs/common';
import { scopedRegion } from '../region-time-zone';
import { APP_CONFIG, AppConfig, CLOCK, Clock } from '@overlegtafels/config';
import { findTable, RegionConfig } from '@overlegtafels/domain';
import { AgendaRefusal } from '../errors';
import { coordinatesTable } from '../agenda/agenda-queries';
import {
  expectedPartners,
  itemTypeLabel,
  PartnerStatus,
  partnerStatuses,
} from '../preparation/preparation-views';
import { AgendaSessionRepository } from '../ports/agenda-session.repository.port';
import { AuditLog } from '../ports/audit-log.port';
import { ofRegion } from '../region-fence/region-fence';
import { ItemPreparationRepository } from '../ports/item-preparation.port';
import { ListSessionPreparationCommand } from './list-session-preparation.command';

export interface SessionPreparationItem {
  readonly itemId: string;
  readonly position: number;
  readonly dossierCode: string;
  readonly itemTypeLabel: string;
  readonly partners: PartnerStatus[];
  readonly prepared: number;
  readonly expected: number;
}

export interface SessionPreparationView {
  readonly sessionId: string;
  readonly tableKey: string;
  readonly tableName: string;
  readonly sessionStart: string;
  readonly items: SessionPreparationItem[];
}

/**
 * For the coordinators of the table: per item of the session, which partners prepared and which
 * not (the contents stay on each item's page). Anyone else, and another region, finds no session.
 */
@Injectable()
export class ListSessionPreparationUseCase {
  /** The region of the current work (the actor's): read at each use. */
  private get region(): RegionConfig {
    return scopedRegion(this.config);
  }

  constructor(
    @Inject(AgendaSessionRepository) private readonly sessions: Pick<AgendaSessionRepository, 'session'>,
    @Inject(ItemPreparationRepository) private readonly preparations: ItemPreparationRepository,
    @Inject(AuditLog) private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'regions'>,
  ) {}

  async execute({ viewer, sessionId }: ListSessionPreparationCommand): Promise<SessionPreparationView> {
    const now = this.clock.now();
    const found = await this.sessions.session(sessionId);
    const session = ofRegion(viewer, found) ? found : undefined;
    const table = session ? findTable(this.region, session.tableKey) : undefined;
    if (!session || !table || !coordinatesTable(viewer, table.key)) {
      await this.audit.append(
        {
          actorPersonId: viewer.personId,
          action: 'preparation.overview',
          entityType: 'session',
          entityId: session?.id ?? null,
          outcome: 'denied',
          route: viewer.route ?? null,
        },
        now,
      );
      throw new AgendaRefusal('SESSION_NOT_FOUND', 'Zitting niet gevonden.', undefined, 'not_found');
    }
    const items = await this.preparations.sessionItems(session.id);
    const entries = await this.preparations.entriesOf(items.map((i) => i.itemId));
    const partners = expectedPartners(table, await this.preparations.partners(viewer.regionId, table.key));
    const view: SessionPreparationItem[] = items.map((item) => {
      const statuses = partnerStatuses(
        partners,
        entries.filter((e) => e.agendaItemId === item.itemId),
      );
      return {
        itemId: item.itemId,
        position: item.position,
        dossierCode: item.dossierCode,
        itemTypeLabel: itemTypeLabel(table, item.itemType),
        partners: statuses,
        prepared: statuses.filter((s) => s.prepared).length,
        expected: statuses.length,
      };
    });
    // Which partners prepared an item is about its dossier: one event per item, and one for the session.
    for (const item of view) {
      const dossierId = items.find((i) => i.itemId === item.itemId)!.dossierId;
      await this.audit.append(
        {
          actorPersonId: viewer.personId,
          action: 'preparation.status-read',
          entityType: 'agenda_item',
          entityId: item.itemId,
          dossierId,
          outcome: 'allowed',
          route: viewer.route ?? null,
          details: { code: item.dossierCode, prepared: item.prepared, expected: item.expected },
        },
        now,
      );
    }
    await this.audit.append(
      {
        actorPersonId: viewer.personId,
        action: 'preparation.overview',
        entityType: 'session',
        entityId: session.id,
        outcome: 'allowed',
        route: viewer.route ?? null,
        details: { items: view.length, tableKey: table.key },
      },
      now,
    );
    return {
      sessionId: session.id,
      tableKey: table.key,
      tableName: table.name,
      sessionStart: session.startsAt.toISOString(),
      items: view,
    };
  }
}

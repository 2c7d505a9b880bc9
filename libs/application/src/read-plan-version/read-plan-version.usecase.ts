import { Inject, Injectable } from '@nestjs/common';
import { scopedRegion } from '../region-time-zone';
import { APP_CONFIG, AppConfig, CLOCK, Clock } from '@overlegtafels/config';
import { RegionConfig } from '@overlegtafels/domain';
import { AgendaRefusal } from '../errors';
import { coordinatesTable, Viewer } from '../agenda/agenda-queries';
import { AuditLog } from '../ports/audit-log.port';
import { ofRegion } from '../region-fence/region-fence';
import { OrganisationDirectory } from '../ports/organisation-directory.port';
import { PlanAgendaItemRecord, PlanVanAanpakRepository } from '../ports/plan-van-aanpak.repository.port';
import { PlanVersionView, planVersionView } from '../plan-van-aanpak/plan-version-view';

export interface ReadPlanVersionCommand {
  readonly viewer: Viewer;
  readonly agendaItemId: string;
}

export interface PlanVersionPage extends PlanVersionView {
  readonly tableName: string;
  readonly itemTypeLabel: string;
  readonly sessionStartsAt: Date;
}

/**
 * Need-to-know of an agenda item's plan, as for the dossier's contents: the dossier's
 * casusregisseur, the coordinators of the item's table, and its members once a coordinator shared
 * the item with the session. Nobody of another region.
 */
export function maySeeItemPlan(viewer: Viewer, item: PlanAgendaItemRecord): boolean {
  if (!ofRegion(viewer, item.dossier)) return false;
  if (coordinatesTable(viewer, item.tableKey)) return true;
  if (item.dossier.casusregisseurId !== null && item.dossier.casusregisseurId === viewer.personId)
    return true;
  return item.sharedWithSession && viewer.memberTables.includes(item.tableKey);
}

/**
 * What a table sees of an agenda item: the version of the plan van aanpak frozen when it was
 * agendered, what changed since the version this table saw last, and the answers to the leidraad
 * bij agendering. Every look is audited, the refused ones too.
 */
@Injectable()
export class ReadPlanVersionUseCase {
  /** The region of the current work (the reader's): read at each use. */
  private get region(): RegionConfig {
    return scopedRegion(this.config);
  }

  constructor(
    @Inject(PlanVanAanpakRepository) private readonly plans: PlanVanAanpakRepository,
    @Inject(OrganisationDirectory) private readonly organisations: OrganisationDirectory,
    @Inject(AuditLog) private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute({ viewer, agendaItemId }: ReadPlanVersionCommand): Promise<PlanVersionPage> {
    const now = this.clock.now();
    const item = await this.plans.agendaItem(agendaItemId);
    const allowed = !!item && maySeeItemPlan(viewer, item);
    if (!item || !allowed) {
      await this.audit.append(
        {
          actorPersonId: viewer.personId,
          action: 'plan-van-aanpak.version.read',
          entityType: 'agenda_item',
          entityId: item?.id ?? null,
          outcome: 'denied',
          route: viewer.route ?? null,
        },
        now,
      );
      throw new AgendaRefusal('AGENDA_ITEM_NOT_FOUND', 'Agendapunt niet gevonden.', undefined, 'not_found');
    }
    const [versions, organisations, familyMembers] = await Promise.all([
      this.plans.versionsOf(undefined, item.dossier.id),
      this.organisations.list(item.dossier.regionId),
      this.plans.familyMembersOf(undefined, item.dossier.id),
    ]);
    const table = this.region.tables.find((t) => t.key === item.tableKey);
    const view = planVersionView({
      dossierCode: item.dossier.code,
      agendaItemId: item.id,
      tableKey: item.tableKey,
      question: item.question,
      brief: item.brief,
      versions,
      labels: {
        instrument: this.region.riskInstrument ?? { key: '-', name: '-', domains: [], profiles: [] },
        familyMembers,
        organisations,
      },
    });
    await this.audit.append(
      {
        actorPersonId: viewer.personId,
        action: 'plan-van-aanpak.version.read',
        entityType: 'agenda_item',
        entityId: item.id,
        dossierId: item.dossier.id,
        outcome: 'allowed',
        route: viewer.route ?? null,
        details: { code: item.dossier.code, version: view.version?.number ?? null },
      },
      now,
    );
    return {
      ...view,
      tableName: table?.name ?? item.tableKey,
      itemTypeLabel: table?.itemTypes.find((t) => t.key === item.itemType)?.label ?? item.itemType,
      sessionStartsAt: item.sessionStartsAt,
    };
  }
}

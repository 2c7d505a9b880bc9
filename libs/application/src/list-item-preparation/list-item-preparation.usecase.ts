import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, Clock } from '@overlegtafels/config';
import { PreparationAudience, visiblePreparations } from '@overlegtafels/domain';
import { PreparationGate } from '../preparation/preparation-gate';
import {
  entryView,
  expectedPartners,
  itemTypeLabel,
  PartnerStatus,
  partnerStatuses,
  PreparationEntryView,
} from '../preparation/preparation-views';
import { ItemPreparationRepository } from '../ports/item-preparation.port';
import { ListItemPreparationCommand } from './list-item-preparation.command';

export interface ItemPreparationView {
  readonly itemId: string;
  readonly sessionId: string;
  readonly tableKey: string;
  readonly tableName: string;
  readonly dossierCode: string;
  readonly itemTypeLabel: string;
  readonly sessionStart: string;
  readonly preparationStart: string;
  readonly audience: PreparationAudience;
  readonly coordinator: boolean;
  /** Recording is possible now; otherwise `closedReason` says why (not started, held, cancelled). */
  readonly open: boolean;
  readonly closedReason: string | null;
  /** The viewer sits at the table for a partner organisation and may record its entry. */
  readonly canRecord: boolean;
  readonly organisationName: string | null;
  /** The viewer's own organisation's entry. */
  readonly own: PreparationEntryView | null;
  /** Every entry the viewer may read, their own included. */
  readonly entries: PreparationEntryView[];
  /** The other partners' `tafel` entries are open to the members (the session is in progress). */
  readonly tafelOpen: boolean;
  /** For coordinators: which partners prepared and which not. */
  readonly partners: PartnerStatus[] | null;
}

/**
 * One item's preparation for the person asking: the partner's own entry and form state, the
 * entries they may read (see PreparationGate), and for coordinators which partners prepared.
 * Every read is audited with the number of entries shown.
 */
@Injectable()
export class ListItemPreparationUseCase {
  constructor(
    @Inject(PreparationGate) private readonly gate: PreparationGate,
    @Inject(ItemPreparationRepository) private readonly preparations: ItemPreparationRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ viewer, itemId }: ListItemPreparationCommand): Promise<ItemPreparationView> {
    const access = await this.gate.open(viewer, itemId, 'preparation.read');
    const { item, table, seat, audience } = access;
    const now = this.clock.now();
    const all = await this.preparations.entriesOf([item.itemId]);
    const tafelOpen = this.gate.tafelOpen(access, now);
    const ownOrg = access.partner ? (seat?.organisationId ?? null) : null;
    const visible = visiblePreparations(all, audience, ownOrg, tafelOpen);
    const own = ownOrg ? all.find((e) => e.organisationId === ownOrg) : undefined;
    const window = this.gate.window(access, now);
    const partners = access.coordinator
      ? partnerStatuses(
          expectedPartners(table, await this.preparations.partners(viewer.regionId, table.key)),
          all,
        )
      : null;
    await this.gate.audited(
      viewer,
      item,
      'preparation.read',
      'allowed',
      { audience, shown: visible.length, of: all.length },
      now,
    );
    return {
      itemId: item.itemId,
      sessionId: item.session.id,
      tableKey: table.key,
      tableName: table.name,
      dossierCode: item.dossierCode,
      itemTypeLabel: itemTypeLabel(table, item.itemType),
      sessionStart: item.session.startsAt.toISOString(),
      preparationStart: access.preparationStart.toISOString(),
      audience,
      coordinator: access.coordinator,
      open: window.open,
      closedReason: window.open ? null : window.message,
      canRecord: access.partner && window.open,
      organisationName: access.partner ? (seat?.organisationName ?? null) : null,
      own: own ? entryView(own) : null,
      entries: visible.map(entryView),
      tafelOpen,
      partners,
    };
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, Clock } from '@overlegtafels/config';
import { AuditLog } from '../ports/audit-log.port';
import { AgendaRefusal } from '../errors';
import { CoordinatorChange } from '../coordinator/coordinator-change';
import { AgendaItemRepository } from '../ports/agenda-item.repository.port';
import { ShareAgendaItemCommand } from './share-agenda-item.command';

/**
 * Shares an agendapunt's contents with the members of its session (or stops it), for a
 * coordinator of its table; anyone else does not find the item. Audited on the item's dossier.
 */
@Injectable()
export class ShareAgendaItemUseCase {
  constructor(
    @Inject(CoordinatorChange) private readonly change: Pick<CoordinatorChange, 'itemFor'>,
    @Inject(AgendaItemRepository) private readonly items: Pick<AgendaItemRepository, 'item' | 'setShared'>,
    @Inject(AuditLog) private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ actor, itemId, shared }: ShareAgendaItemCommand): Promise<void> {
    const item = await this.change.itemFor(
      actor,
      itemId,
      shared ? 'agenda-item.share' : 'agenda-item.unshare',
    );
    if (!item) {
      throw new AgendaRefusal('ITEM_NOT_FOUND', 'Agendapunt niet gevonden.', undefined, 'not_found');
    }
    await this.items.setShared(itemId, shared);
    await this.audit.append(
      {
        actorPersonId: actor.personId,
        action: shared ? 'agenda-item.share' : 'agenda-item.unshare',
        entityType: 'agenda_item',
        entityId: itemId,
        dossierId: item.dossierId,
        outcome: 'allowed',
        route: actor.route,
      },
      this.clock.now(),
    );
  }
}

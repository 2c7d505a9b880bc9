import { Inject, Injectable } from '@nestjs/common';
import { AgendaRefusal } from '../errors';
import { ChangeOutcome, CoordinatorChange } from '../coordinator/coordinator-change';
import { AgendaItemRepository } from '../ports/agenda-item.repository.port';
import { ShareAgendaItemCommand } from './share-agenda-item.command';

/** The ledger's scope of a share's one-time key. */
export const ITEM_SHARE_SCOPE = 'agenda-item-share';

/**
 * Shares an agendapunt's contents with the members of its session (or stops it), for a
 * coordinator of its table; anyone else does not find the item. One change of the table as any
 * coordinator's: under the table's lock, the flag and its audit event (on the item's dossier) in
 * one transaction. One press changes once: with the form's key (or the API's Idempotency-Key) a
 * repeat — a reload, a double click, an old form posted after the sharing was undone — changes and
 * audits nothing more.
 */
@Injectable()
export class ShareAgendaItemUseCase {
  constructor(
    @Inject(CoordinatorChange) private readonly change: Pick<CoordinatorChange, 'itemFor' | 'run'>,
    @Inject(AgendaItemRepository) private readonly items: Pick<AgendaItemRepository, 'setShared'>,
  ) {}

  async execute({ actor, itemId, shared, submissionKey }: ShareAgendaItemCommand): Promise<ChangeOutcome> {
    const action = shared ? 'agenda-item.share' : 'agenda-item.unshare';
    const item = await this.change.itemFor(actor, itemId, action);
    if (!item) {
      throw new AgendaRefusal('ITEM_NOT_FOUND', 'Agendapunt niet gevonden.', undefined, 'not_found');
    }
    return this.change.run(
      {
        actor,
        tableKey: item.tableKey,
        dossierId: item.dossierId,
        action,
        details: { itemId, shared },
        once: {
          scope: ITEM_SHARE_SCOPE,
          ...(submissionKey && { key: submissionKey }),
          content: { itemId, shared },
        },
      },
      async (tx) => {
        await this.items.setShared(tx, item.id, shared);
        return [];
      },
    );
  }
}

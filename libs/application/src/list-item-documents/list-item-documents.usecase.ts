import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@overlegtafels/auth';
import { CLOCK, Clock } from '@overlegtafels/config';
import { AgendaRefusal } from '../errors';
import { AuditLog } from '../ports/audit-log.port';
import { DocumentVersion, ItemDocuments } from '../ports/document.repository.port';
import { ofRegion } from '../region-fence/region-fence';
import { replacementCheck } from '../replace-item-document/document-replacement-access';

/** An agendapunt's document versions, newest first, and whether the reader may add one now. */
export interface ItemDocumentsView {
  readonly itemId: string;
  readonly sessionId: string;
  readonly tableKey: string;
  readonly dossierCode: string;
  readonly sessionStartsAt: Date;
  readonly versions: readonly DocumentVersion[];
  /** Null when the reader may put a new version now; else why not (shown instead of the form). */
  readonly replaceRefusal: string | null;
  /** A new version now tells the table (the agenda is fixed). */
  readonly tellsTable: boolean;
}

/**
 * The versions of an agendapunt's document (who uploaded which when), for those with
 * need-to-know of its dossier — the same people who read the document. Others, another region's
 * item and unknown ids answer alike "not found"; every attempt is in the audit log.
 */
@Injectable()
export class ListItemDocumentsUseCase {
  constructor(
    @Inject(ItemDocuments) private readonly documents: ItemDocuments,
    @Inject(AuditLog) private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(principal: Principal, route: string, itemId: string): Promise<ItemDocumentsView> {
    const found = await this.documents.itemDocument(itemId);
    const item = found && ofRegion(principal, { regionId: found.session.regionId }) ? found : undefined;
    const check = item && replacementCheck(principal, item, this.clock.now().getTime());
    const allowed = !!item && !!check?.mayTry;
    await this.audit.append(
      {
        actorPersonId: principal.personId,
        action: 'document.versions.read',
        entityType: 'agenda_item',
        entityId: found?.itemId ?? null,
        dossierId: allowed ? item.dossierId : null,
        outcome: allowed ? 'allowed' : 'denied',
        route,
        ...(allowed && { details: { code: item.dossierCode } }),
      },
      this.clock.now(),
    );
    if (!allowed || !check) {
      throw new AgendaRefusal('ITEM_NOT_FOUND', 'Agendapunt niet gevonden.', undefined, 'not_found');
    }
    const versions = item.current ? await this.documents.versionsFrom(item.current.id) : [];
    return {
      itemId: item.itemId,
      sessionId: item.session.id,
      tableKey: item.tableKey,
      dossierCode: item.dossierCode,
      sessionStartsAt: item.session.startsAt,
      versions,
      replaceRefusal: check.verdict.ok ? null : check.verdict.message,
      tellsTable: check.verdict.ok && check.verdict.tellTable,
    };
  }
}

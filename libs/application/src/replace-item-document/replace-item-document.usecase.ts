import { Inject, Injectable } from '@nestjs/common';
import { scopedRegion } from '../region-time-zone';
import { DateTime } from 'luxon';
import { dossierAccess, Principal } from '@overlegtafels/auth';
import { APP_CONFIG, AppConfig, CLOCK, Clock } from '@overlegtafels/config';
import { findTable, RegionConfig, TableDefinition } from '@overlegtafels/domain';
import { dossierCode, emailAddress, label, MailComposer, webLink } from '@overlegtafels/mail';
import { DocumentRejected, DocumentStore, StoredDocument } from '../documents/document-store';
import { AgendaRefusal, InputError } from '../errors';
import { AgendaMailing, MailingPerson } from '../ports/agenda-mailing.port';
import { AuditLog } from '../ports/audit-log.port';
import { ItemDocumentContext, ItemDocuments } from '../ports/document.repository.port';
import { MailOutbox, QueuedMail } from '../ports/mail-outbox.port';
import { Transaction, UnitOfWork } from '../ports/unit-of-work.port';
import { withinRegion } from '../region-fence/region-fence';
import { sanitizeFileName } from '../submit-agendering/file-name';
import { SubmittedOnce } from '../submissions/submitted-once';
import { replacementCheck } from './document-replacement-access';
import type { ReplaceItemDocumentCommand, ReplaceItemDocumentResult } from './replace-item-document.command';

const ACTION = 'document.replace';
export const DOCUMENT_REPLACE_SCOPE = 'document.replace';

/** Not allowed is a 403; an item closed or an agenda fixed is a 409, said next to the file field. */
const refusal = (check: { code: string; message: string }) =>
  new AgendaRefusal(
    check.code,
    check.message,
    'document',
    check.code === 'NOT_ALLOWED' ? 'forbidden' : 'conflict',
  );

const notFound = () =>
  new AgendaRefusal('ITEM_NOT_FOUND', 'Agendapunt niet gevonden.', undefined, 'not_found');

/**
 * A new version of an agendapunt's document: the file is checked from its bytes like at the
 * agendering, the old version stays (readable by the same people), the item points at the new
 * one, and the replacement is audited. Who may, and whether the table is told, is the domain's
 * rule; when it is told (after the freeze) the mails are written in the same transaction.
 */
@Injectable()
export class ReplaceItemDocumentUseCase {
  /** The region of the current work (the actor's): read at each use. */
  private get region(): RegionConfig {
    return scopedRegion(this.config);
  }

  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(ItemDocuments) private readonly documents: ItemDocuments,
    @Inject(DocumentStore) private readonly store: DocumentStore,
    @Inject(SubmittedOnce) private readonly once: SubmittedOnce,
    @Inject(AgendaMailing) private readonly mailing: AgendaMailing,
    @Inject(MailComposer) private readonly composer: MailComposer,
    @Inject(MailOutbox) private readonly outbox: MailOutbox,
    @Inject(AuditLog) private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'publicUrl' | 'regions'>,
  ) {}

  async execute(command: ReplaceItemDocumentCommand): Promise<ReplaceItemDocumentResult> {
    const { principal, route, itemId } = command;
    const actor = { personId: principal.personId, regionId: principal.regionId, route };
    const found = await this.documents.itemDocument(itemId);
    const item = await withinRegion(
      this.audit,
      actor,
      found && { ...found, regionId: found.session.regionId },
      (i) => ({
        action: ACTION,
        entityType: 'agenda_item',
        entityId: i.itemId,
        dossierId: i.dossierId,
        code: i.dossierCode,
      }),
      this.clock.now(),
    );
    const table = item ? findTable(this.region, item.tableKey) : undefined;
    // Someone without need-to-know of the dossier gets what an unknown item gets.
    if (!item || !table || !this.check(principal, item).mayTry) {
      if (!found || item) await this.denied(principal, route, item, 'ITEM_NOT_FOUND');
      throw notFound();
    }
    if (!command.document) {
      throw new InputError([
        { field: 'document', code: 'REQUIRED', message: 'Kies het bestand van de nieuwe versie.' },
      ]);
    }
    const verdict = this.check(principal, item).verdict;
    if (!verdict.ok) {
      await this.denied(principal, route, item, verdict.code);
      throw refusal(verdict);
    }
    let stored: StoredDocument;
    try {
      stored = await this.store.save(command.document.bytes);
    } catch (e) {
      if (e instanceof DocumentRejected)
        throw new InputError([{ field: 'document', code: e.code, message: e.message }]);
      throw e;
    }
    const file = command.document;
    const mails: QueuedMail[] = [];
    let made: { result: ReplaceItemDocumentResult; repeated: boolean };
    try {
      made = await this.uow.run(async (tx) => {
        const now = this.clock.now();
        return this.once.run(
          tx,
          {
            actorPersonId: principal.personId,
            scope: DOCUMENT_REPLACE_SCOPE,
            key: command.submissionKey,
            content: { itemId, document: stored.sha256 },
            at: now,
            resultIdOf: (r: ReplaceItemDocumentResult) => r.documentId,
          },
          async () => {
            await this.documents.lockItem(tx, itemId);
            // Read again under the lock: the agenda may have been frozen since, or a version added.
            const locked = (await this.documents.itemDocument(itemId, tx))!;
            const now2 = this.clock.now();
            const check = this.check(principal, locked).verdict;
            if (!check.ok) throw refusal(check);
            const version = await this.documents.addVersion(tx, locked, {
              storageKey: stored.storageKey,
              fileName: sanitizeFileName(file.originalName, stored.kind),
              mimeType: stored.mimeType,
              sizeBytes: stored.sizeBytes,
              sha256: stored.sha256,
              uploadedById: principal.personId,
              uploadedAt: now2,
            });
            const told = check.tellTable ? await this.tellTable(tx, principal, locked, table, version) : [];
            mails.push(...told);
            await this.audit.append(
              {
                actorPersonId: principal.personId,
                action: ACTION,
                entityType: 'document',
                entityId: version.id,
                dossierId: locked.dossierId,
                outcome: 'allowed',
                route,
                details: {
                  code: locked.dossierCode,
                  itemId,
                  version: version.version,
                  replaces: locked.current?.id ?? null,
                  told: told.length,
                },
              },
              now2,
              tx,
            );
            return {
              itemId,
              sessionId: locked.session.id,
              documentId: version.id,
              version: version.version,
              told: told.length,
            };
          },
        );
      });
    } catch (error) {
      await this.store.discard(stored.storageKey);
      throw error;
    }
    if (made.repeated) {
      await this.store.discard(stored.storageKey);
      return { ...made.result, repeated: true };
    }
    await this.outbox.enqueue(mails);
    return made.result;
  }

  private check(principal: Principal, item: ItemDocumentContext) {
    return replacementCheck(principal, item, this.clock.now().getTime());
  }

  /**
   * The people who have the agenda hear of the new version: the table's standing members and
   * coordinators (on the agenda page) and the dossier's casusregisseur (on the item's documents),
   * not the one who replaced it. Dossier code and session only.
   */
  private async tellTable(
    tx: Transaction,
    principal: Principal,
    item: ItemDocumentContext,
    table: TableDefinition,
    version: { id: string; version: number },
  ): Promise<QueuedMail[]> {
    const regionId = item.session.regionId;
    const agendaLink = webLink(`${this.config.publicUrl}/agenda/${item.session.id}#punt-${item.itemId}`);
    const itemLink = webLink(`${this.config.publicUrl}/agendapunten/${item.itemId}/bijlage`);
    const recipients = new Map<string, { person: MailingPerson; link: typeof agendaLink }>();
    const add = (person: MailingPerson | null, link: typeof agendaLink) => {
      if (!person || !person.active || person.id === principal.personId) return;
      if (!recipients.has(person.email.toLowerCase()))
        recipients.set(person.email.toLowerCase(), { person, link });
    };
    const mailingItem = await this.mailing.item(tx, item.itemId);
    add(mailingItem?.casusregisseur ?? null, itemLink);
    for (const p of await this.mailing.tableCoordinators(tx, regionId, table.key)) add(p, agendaLink);
    for (const p of await this.mailing.standingMembers(tx, regionId, table.key)) add(p, agendaLink);
    const session = {
      table: label(table.name),
      start: DateTime.fromJSDate(item.session.startsAt, { zone: table.timeZone }),
    };
    const mails: QueuedMail[] = [];
    for (const { person, link } of recipients.values()) {
      const rendered = await this.composer.documentReplaced({
        recipient: { address: emailAddress(person.email), name: person.displayName },
        dossier: dossierCode(item.dossierCode),
        session,
        version: version.version,
        link,
      });
      mails.push(
        await this.outbox.write(tx, rendered, {
          key: `document-replaced|${version.id}|${person.id}`,
          purpose: 'document-replaced',
          recipientEmail: person.email,
          recipientPersonId: person.id,
          sessionId: item.session.id,
          agendaItemId: item.itemId,
          dossierId: item.dossierId,
        }),
      );
    }
    return mails;
  }

  private denied(principal: Principal, route: string, item: ItemDocumentContext | undefined, code: string) {
    return this.audit.append(
      {
        actorPersonId: principal.personId,
        action: ACTION,
        entityType: 'agenda_item',
        entityId: item?.itemId ?? null,
        dossierId: item && dossierAccess(principal, item.dossier) === 'full' ? item.dossierId : null,
        outcome: 'denied',
        route,
        details: { code },
      },
      this.clock.now(),
    );
  }
}

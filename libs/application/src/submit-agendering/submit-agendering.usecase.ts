import { Inject, Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { APP_CONFIG, AppConfig, Clock, CLOCK } from '@overlegtafels/config';
import {
  afsluitingTooEarly,
  afsluitingWaitMonthsOf,
  canAgenderen,
  noConsentReturnLimitOf,
  RegionConfig,
  TableDefinition,
} from '@overlegtafels/domain';
import { dossierCode, emailAddress, label, MailComposer, webLink } from '@overlegtafels/mail';
import { scopedRegion } from '../region-time-zone';
import { DocumentRejected, DocumentStore, StoredDocument } from '../documents/document-store';
import { AgendaRefusal, InputError } from '../errors';
import type { SlotInfo } from '../agenda/agenda-views';
import { dossierOwnerId, toDossierState } from '../agenda/dossier-state';
import { AgendaPlacement } from '../ports/agenda-placement.port';
import { AuditLog } from '../ports/audit-log.port';
import { DossierChanged } from '../ports/dossier-changed.port';
import { DossierRepository } from '../ports/dossier.repository.port';
import { MailOutbox, QueuedMail } from '../ports/mail-outbox.port';
import { PersonDirectory } from '../ports/person-directory.port';
import { Transaction, UnitOfWork } from '../ports/unit-of-work.port';
import { PlanVanAanpakRepository } from '../ports/plan-van-aanpak.repository.port';
import { agenderingBriefOf, freezePlanVersion, planToFreeze } from './agendering-plan';
import { sanitizeFileName } from './file-name';
import { SubmitAgenderingCommand } from './submit-agendering.command';
import { dossierTarget, withinRegion } from '../region-fence/region-fence';
import { InterimEvaluationPicture } from '../record-risk-picture/interim-evaluation-picture';
import { SubmittedOnce } from '../submissions/submitted-once';

/** The ledger's scope of an agendering's one-time key. */
export const AGENDERING_SCOPE = 'agendering';

export interface AgenderingResult {
  readonly agendaItemId: string;
  readonly dossierCode: string;
  readonly slot: SlotInfo;
  /** The number of the plan van aanpak's version frozen for this item, if it brings one. */
  readonly planVersion?: number;
  /** True when the submission key was used before: nothing new was made; the first one's result. */
  readonly repeated?: boolean;
}

/**
 * A casusregisseur puts their dossier on the Weegploeg or the Ronde Tafel (or an aanmelder brings
 * their dossier back to the ICO): the rules of the dossier's phase first, then placement by the
 * table's deadlines and capacity, the document checked from its bytes and stored with its checksum,
 * guests for this item only, and the confirmation mail — all in one transaction. An item that
 * brings the plan van aanpak freezes its draft as a numbered version for the table (annex E: a
 * written plan, the upload an attachment such as the genogram), and the answers to the leidraad
 * bij agendering (annexes F and G) are kept with the item.
 */
@Injectable()
export class SubmitAgenderingUseCase {
  /** The region of the current work (the reader's): read at each use. */
  private get region(): RegionConfig {
    return scopedRegion(this.config);
  }

  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(DossierRepository) private readonly dossiers: DossierRepository,
    @Inject(AgendaPlacement) private readonly placement: AgendaPlacement,
    @Inject(PersonDirectory) private readonly people: PersonDirectory,
    @Inject(AuditLog) private readonly audit: AuditLog,
    @Inject(DocumentStore) private readonly documents: DocumentStore,
    @Inject(MailComposer) private readonly composer: MailComposer,
    @Inject(MailOutbox) private readonly outbox: MailOutbox,
    @Inject(DossierChanged) private readonly dossierChanged: DossierChanged,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(InterimEvaluationPicture) private readonly interimPicture: InterimEvaluationPicture,
    @Inject(PlanVanAanpakRepository) private readonly plans: PlanVanAanpakRepository,
    @Inject(SubmittedOnce) private readonly once: SubmittedOnce,
  ) {}

  async execute({
    actor,
    agendering: input,
    document: file,
    submissionKey,
  }: SubmitAgenderingCommand): Promise<AgenderingResult> {
    const table = this.region.tables.find((t) => t.key === input.tableKey);
    if (!table)
      throw new InputError([
        { field: 'tableKey', code: 'UNKNOWN', message: 'Kies een overlegtafel uit de lijst.' },
      ]);
    const itemType = table.itemTypes.find((i) => i.key === input.itemType);
    if (!itemType) {
      throw new InputError([
        { field: 'itemType', code: 'UNKNOWN', message: `Kies een soort agendapunt van ${table.name}.` },
      ]);
    }
    const brief = agenderingBriefOf(itemType, input.brief, this.region.riskInstrument);
    let stored: StoredDocument | undefined;
    if (file) {
      try {
        stored = await this.documents.save(file.bytes);
      } catch (e) {
        if (e instanceof DocumentRejected)
          throw new InputError([{ field: 'document', code: e.code, message: e.message }]);
        throw e;
      }
    }

    const mails: QueuedMail[] = [];
    let made: { result: AgenderingResult; repeated: boolean };
    try {
      made = await this.uow.run(async (tx) => {
        const now = this.clock.now();
        // A reload, a double click or a retried call with the same key: the first one's result.
        return this.once.run(
          tx,
          {
            actorPersonId: actor.personId,
            scope: AGENDERING_SCOPE,
            key: submissionKey,
            content: { ...input, document: stored?.sha256 ?? null },
            at: now,
            resultIdOf: (r: AgenderingResult) => r.agendaItemId,
          },
          () => this.agenderen(tx, now, actor, input, table, itemType, brief, file, stored, mails),
        );
      });
    } catch (error) {
      if (stored) await this.documents.discard(stored.storageKey);
      throw error;
    }
    if (made.repeated) {
      // Nothing of this submission was kept: its copy of the file goes too.
      if (stored) await this.documents.discard(stored.storageKey);
      return { ...made.result, repeated: true };
    }
    await this.outbox.enqueue(mails);
    return made.result;
  }

  private async agenderen(
    tx: Transaction,
    now: Date,
    actor: SubmitAgenderingCommand['actor'],
    input: SubmitAgenderingCommand['agendering'],
    table: TableDefinition,
    itemType: TableDefinition['itemTypes'][number],
    brief: ReturnType<typeof agenderingBriefOf>,
    file: SubmitAgenderingCommand['document'],
    stored: StoredDocument | undefined,
    mails: QueuedMail[],
  ): Promise<AgenderingResult> {
    const dossier = await withinRegion(
      this.audit,
      actor,
      await this.dossiers.byCode(tx, input.dossierCode),
      dossierTarget('agendering.create'),
      now,
    );
    // Not found and not yours answer the same; the refusal stays in the log.
    if (!dossier || (!actor.isCoordinator && dossierOwnerId(dossier) !== actor.personId)) {
      await this.audit.append(
        {
          actorPersonId: actor.personId,
          action: 'agendering.create',
          entityType: 'dossier',
          entityId: dossier?.id ?? null,
          outcome: 'denied',
          route: actor.route ?? null,
          details: { code: input.dossierCode },
        },
        now,
      );
      throw new AgendaRefusal('DOSSIER_NOT_FOUND', 'Dossier niet gevonden.', 'dossierCode', 'not_found');
    }
    const zone = table.timeZone;
    const state = toDossierState(dossier, zone);
    const verdict = canAgenderen(state, table.key, itemType.key, {
      noConsentReturnLimit: noConsentReturnLimitOf(this.region),
      life: this.region.dossierLife,
    });
    if (!verdict.ok) throw new AgendaRefusal(verdict.code, verdict.message, verdict.field);
    await this.interimPicture.require(tx, dossier.id, itemType.key, now);
    const plan = await planToFreeze(this.plans, tx, dossier.id, itemType);

    const documentId = stored
      ? await this.dossiers.attachDocument(tx, dossier.id, {
          storageKey: stored.storageKey,
          fileName: sanitizeFileName(file!.originalName, stored.kind),
          mimeType: stored.mimeType,
          sizeBytes: stored.sizeBytes,
          sha256: stored.sha256,
          uploadedById: actor.personId,
          uploadedAt: now,
        })
      : null;
    const placed = await this.placement.place(tx, {
      tableKey: table.key,
      itemType: itemType.key,
      dossierId: dossier.id,
      submittedAt: now,
      submittedById: actor.personId,
      question: input.questions,
      documentId,
      guests: input.guests.map((g) => ({ kind: g.kind, email: g.email, name: g.name ?? null })),
      ...(verdict.notBeforeDate !== undefined && { notBeforeDate: verdict.notBeforeDate }),
    });
    if (!placed.ok) {
      if (placed.reason === 'too_early') {
        // Only an afsluiting has a date to wait for, and only an afgerond dossier has one.
        const refusal = afsluitingTooEarly(
          state.afrondingDate!,
          table,
          placed.tooEarly,
          afsluitingWaitMonthsOf(this.region.dossierLife),
        );
        throw new AgendaRefusal(refusal.code, refusal.message, 'itemType');
      }
      throw placed.reason === 'no_session'
        ? new AgendaRefusal('NO_SESSION_IN_RANGE', `Er is het komende jaar geen zitting van ${table.name}.`)
        : new AgendaRefusal(
            'SESSION_FULL',
            `Alle zittingen van ${table.name} van het komende jaar zijn volzet.`,
          );
    }
    const planVersion = plan
      ? await freezePlanVersion(this.plans, tx, plan, {
          dossierId: dossier.id,
          agendaItemId: placed.itemId,
          tableKey: table.key,
          by: actor.personId,
          at: now,
        })
      : undefined;
    if (brief) await this.plans.saveBrief(tx, placed.itemId, brief);
    await this.dossierChanged.dossierChanged(tx, dossier.id);
    await this.audit.append(
      {
        actorPersonId: actor.personId,
        action: 'agendering.create',
        entityType: 'agenda_item',
        entityId: placed.itemId,
        dossierId: dossier.id,
        outcome: 'allowed',
        route: actor.route ?? null,
        details: {
          code: dossier.code,
          tableKey: table.key,
          itemType: itemType.key,
          sessionId: placed.sessionId,
          documentId,
          planVersion: planVersion ?? null,
        },
      },
      now,
      tx,
    );
    const submitter = await this.people.contactOf(tx, actor.personId);
    if (submitter) {
      const rendered = await this.composer.agenderingReceived({
        recipient: { address: emailAddress(submitter.email), name: submitter.displayName },
        session: { table: label(table.name), start: DateTime.fromJSDate(placed.sessionStart, { zone }) },
        dossier: dossierCode(dossier.code),
        itemType: label(itemType.label),
        agendaSentAt: DateTime.fromJSDate(placed.agendaSendAt, { zone }),
        detailsUrl: webLink(`${this.config.publicUrl}/dossiers/${dossier.code}`),
      });
      mails.push(
        await this.outbox.write(tx, rendered, {
          key: `agendering-received|${placed.itemId}|${actor.personId}`,
          purpose: 'agendering-received',
          recipientEmail: submitter.email,
          recipientPersonId: actor.personId,
          sessionId: placed.sessionId,
          agendaItemId: placed.itemId,
          dossierId: dossier.id,
        }),
      );
    }
    return {
      agendaItemId: placed.itemId,
      dossierCode: dossier.code,
      slot: placed.slot,
      ...(planVersion !== undefined && { planVersion }),
    };
  }
}

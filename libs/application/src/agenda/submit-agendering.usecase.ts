import { Inject, Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { APP_CONFIG, AppConfig, Clock, CLOCK } from '@overlegtafels/config';
import {
  canAgenderen,
  generateSessions,
  isCancelled,
  noConsentReturnLimitOf,
  placeSubmission,
  Session,
  TableDefinition,
  takesPlacements,
} from '@overlegtafels/domain';
import {
  dossierCode,
  dutchDate,
  dutchDateTime,
  emailAddress,
  label,
  MailComposer,
  webLink,
} from '@overlegtafels/mail';
import {
  AgendaRepository,
  AuditRepository,
  CalendarStateRepository,
  DossierRepository,
} from '@overlegtafels/persistence';
import { DocumentRejected, DocumentStore, StoredDocument } from '../documents/document-store';
import { AgendaRefusal, AgenderingSchema, InputError, parseInput } from './agenda-input';
import { AgendaService } from './agenda.service';
import { Actor, domainSession, slotInfo, SlotInfo } from './agenda-views';
import { dossierOwnerId, toDossierState } from './dossier-state';
import { DossierChanged } from '../ports/dossier-changed.port';
import { OutboxWriter, QueuedMail } from './outbox-writer';

export interface UploadedFile {
  readonly originalName: string;
  readonly bytes: Buffer;
}

/** Tables and item types a casusregisseur (or aanmelder) can put a dossier on with this form. */
export function agenderingTables(tables: readonly TableDefinition[]): TableDefinition[] {
  return tables.filter((t) => t.key !== 'ico' || t.itemTypes.some((i) => i.key === 'herbespreking'));
}

/** Item types that need a document (a plan van aanpak or the motivation for an afronding). */
const DOCUMENT_REQUIRED_TABLES = new Set(['weegploeg']);

export interface PlacementPreview {
  readonly tableKey: string;
  readonly tableName: string;
  readonly sessionStart: string;
  readonly deadline: string;
  /** "dinsdag 8 december 2026" */
  readonly sessionText: string;
  /** "maandag 30 november 2026 om 12:00" */
  readonly deadlineText: string;
  /** Set when the next session's deadline has passed or it is full: which session it will be instead. */
  readonly notice?: string;
}

export interface AgenderingResult {
  readonly agendaItemId: string;
  readonly dossierCode: string;
  readonly slot: SlotInfo;
}

/**
 * A casusregisseur puts their dossier on the Weegploeg or the Ronde Tafel (or an aanmelder brings
 * their dossier back to the ICO): the rules of the dossier's phase first, then placement by the
 * table's deadlines and capacity, the document checked from its bytes and stored with its checksum,
 * guests for this item only, and the confirmation mail — all in one transaction.
 */
@Injectable()
export class SubmitAgenderingUseCase {
  constructor(
    @Inject(AgendaService) private readonly agenda: AgendaService,
    @Inject(AgendaRepository) private readonly repo: AgendaRepository,
    @Inject(DossierRepository) private readonly dossiers: DossierRepository,
    @Inject(CalendarStateRepository) private readonly calendars: CalendarStateRepository,
    @Inject(AuditRepository) private readonly audit: AuditRepository,
    @Inject(DocumentStore) private readonly documents: DocumentStore,
    @Inject(MailComposer) private readonly composer: MailComposer,
    @Inject(OutboxWriter) private readonly outbox: OutboxWriter,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DossierChanged) private readonly dossierChanged: DossierChanged,
  ) {}

  /** The session an agendering made now would land on, and its deadline, for the form. */
  async preview(tableKey: string, itemType: string): Promise<PlacementPreview | undefined> {
    const table = this.agenda.region.tables.find((t) => t.key === tableKey);
    if (!table || !table.itemTypes.some((i) => i.key === itemType)) return undefined;
    const nowMs = this.clock.now().getTime();
    const calendar = await this.calendars.forTable(this.agenda.region.key, table.key, table.timeZone);
    const placed = placeSubmission(table, nowMs, { calendar, itemType });
    if (!placed.ok) return undefined;
    const zone = table.timeZone;
    const duration = placed.itemType!.durationMinutes;
    let target = placed.session;
    const notices: string[] = [];
    const earlier = generateSessions(table, { fromMs: nowMs, toMs: target.startMs }, calendar).filter(
      (s) => !isCancelled(s) && s.deadlineMs <= nowMs,
    );
    const missed = earlier[earlier.length - 1];
    if (missed) {
      notices.push(
        `De deadline voor ${table.name} van ${dutchDate(DateTime.fromMillis(missed.startMs, { zone }))} ` +
          `(${dutchDateTime(DateTime.fromMillis(missed.deadlineMs, { zone }))}) is voorbij.`,
      );
    }
    // A full session sends the item on; look ahead as allocation would.
    const regionId = await this.repo.regionId(this.agenda.region.key);
    const rows = await this.repo.sessionsBetween(
      regionId,
      table.key,
      new Date(target.startMs),
      new Date(target.startMs + 120 * 86_400_000),
    );
    const rowByStart = new Map(rows.map((r) => [r.startsAt.getTime(), r]));
    const load = await this.repo.sessionLoad(rows.map((r) => r.id));
    const upcoming = generateSessions(
      table,
      { fromMs: target.startMs, toMs: target.startMs + 120 * 86_400_000 },
      calendar,
    ).filter((s) => !isCancelled(s));
    for (const s of upcoming) {
      const row = rowByStart.get(s.startMs);
      const taken = row ? (load.get(row.id)?.minutes ?? 0) : 0;
      if (row && !takesPlacements(row)) continue;
      if (taken + duration <= s.capacityMinutes) {
        if (s.key !== placed.session.key) {
          notices.push(
            `${table.name} van ${dutchDate(DateTime.fromMillis(placed.session.startMs, { zone }))} is volzet.`,
          );
        }
        target = s;
        break;
      }
    }
    const view: Session = target;
    const sessionText = dutchDate(DateTime.fromMillis(view.startMs, { zone }));
    return {
      tableKey: table.key,
      tableName: table.name,
      sessionStart: new Date(view.startMs).toISOString(),
      deadline: new Date(placed.session.deadlineMs).toISOString(),
      sessionText,
      deadlineText: dutchDateTime(DateTime.fromMillis(placed.session.deadlineMs, { zone })),
      ...(notices.length > 0 && {
        notice: `${notices.join(' ')} Dit agendapunt komt op ${table.name} van ${sessionText}.`,
      }),
    };
  }

  async execute(
    actor: Actor & { isCoordinator: boolean },
    body: unknown,
    file?: UploadedFile,
  ): Promise<AgenderingResult> {
    const input = parseInput(AgenderingSchema, body);
    const table = this.agenda.region.tables.find((t) => t.key === input.tableKey);
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
    if (!file && DOCUMENT_REQUIRED_TABLES.has(table.key)) {
      throw new InputError([
        { field: 'document', code: 'REQUIRED', message: 'Voeg het document toe (PDF, DOCX of ODT).' },
      ]);
    }
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
    const result = await this.repo.transaction(async (tx) => {
      const now = this.clock.now();
      const dossier = await this.dossiers.findByCodeIn(tx, input.dossierCode);
      const row = dossier ? await this.dossiers.stateOf(tx, dossier.id) : undefined;
      // Not found and not yours answer the same.
      if (
        !dossier ||
        !row ||
        row.regionId !== actor.regionId ||
        (!actor.isCoordinator && dossierOwnerId(row) !== actor.personId)
      ) {
        await this.audit.append(
          {
            actorPersonId: actor.personId,
            action: 'agendering.create',
            entityType: 'dossier',
            entityId: dossier?.id ?? null,
            outcome: 'denied',
            route: actor.route,
            details: { code: input.dossierCode },
          },
          now,
        );
        throw new AgendaRefusal('DOSSIER_NOT_FOUND', 'Dossier niet gevonden.', 'dossierCode', 'not_found');
      }
      const zone = table.timeZone;
      const verdict = canAgenderen(
        toDossierState(row, zone),
        table.key,
        itemType.key,
        DateTime.fromJSDate(now, { zone }).toISODate()!,
        { noConsentReturnLimit: noConsentReturnLimitOf(this.agenda.region) },
      );
      if (!verdict.ok) throw new AgendaRefusal(verdict.code, verdict.message, verdict.field);

      const state = await this.agenda.lock(tx, table.key);
      const placed = placeSubmission(table, now.getTime(), {
        calendar: state.calendar,
        itemType: itemType.key,
      });
      if (!placed.ok)
        throw new AgendaRefusal(
          'NO_SESSION_IN_RANGE',
          `Er is het komende jaar geen zitting van ${table.name}.`,
        );
      const documentId = stored
        ? await this.repo.createDocument(tx, {
            dossierId: dossier.id,
            storageKey: stored.storageKey,
            fileName: sanitizeFileName(file!.originalName, stored.kind),
            mimeType: stored.mimeType,
            sizeBytes: stored.sizeBytes,
            sha256: stored.sha256,
            uploadedById: actor.personId,
            uploadedAt: now,
          })
        : null;
      const people = await this.repo.personIdsByEmail(
        tx,
        state.regionId,
        input.guests.map((g) => g.email.toLowerCase()),
      );
      const sessionRow = await this.agenda.ensureRow(tx, state, placed.session);
      const item = await this.repo.createItem(tx, {
        sessionId: sessionRow.id,
        dossierId: dossier.id,
        tableKey: table.key,
        itemType: itemType.key,
        durationMinutes: itemType.durationMinutes,
        position: 0,
        slotStart: null,
        slotEnd: null,
        submittedAt: now,
        submittedById: actor.personId,
        question: input.questions,
        documentId,
        guests: input.guests.map((g) => ({
          kind: g.kind,
          email: g.email,
          name: g.name ?? null,
          personId: people.get(g.email.toLowerCase()) ?? null,
        })),
      });
      const realloc = await this.agenda.reallocate(tx, state);
      if (realloc.unallocated.includes(item.id)) {
        throw new AgendaRefusal(
          'SESSION_FULL',
          `Alle zittingen van ${table.name} van het komende jaar zijn volzet.`,
        );
      }
      await this.dossierChanged.dossierChanged(tx, dossier.id);
      const placedItem = (await this.repo.item(item.id, tx))!;
      const session = (await this.repo.session(placedItem.sessionId, tx))!;
      const slot = slotInfo(table, session, placedItem, state.calendar);
      await this.audit.append(
        {
          actorPersonId: actor.personId,
          action: 'agendering.create',
          entityType: 'agenda_item',
          entityId: item.id,
          dossierId: dossier.id,
          outcome: 'allowed',
          route: actor.route,
          details: {
            code: dossier.code,
            tableKey: table.key,
            itemType: itemType.key,
            sessionId: session.id,
            documentId,
          },
        },
        now,
        tx,
      );
      const submitter = await this.repo.personContact(tx, actor.personId);
      if (submitter) {
        const rendered = await this.composer.agenderingReceived({
          recipient: { address: emailAddress(submitter.email), name: submitter.displayName },
          session: { table: label(table.name), start: DateTime.fromJSDate(session.startsAt, { zone }) },
          dossier: dossierCode(dossier.code),
          itemType: label(itemType.label),
          agendaSentAt: DateTime.fromMillis(domainSession(table, session, state.calendar).agendaSendAtMs, {
            zone,
          }),
          detailsUrl: webLink(`${this.config.publicUrl}/dossiers/${dossier.code}`),
        });
        mails.push(
          await this.outbox.write(tx, rendered, {
            key: `agendering-received|${item.id}|${actor.personId}`,
            purpose: 'agendering-received',
            recipientEmail: submitter.email,
            recipientPersonId: actor.personId,
            sessionId: session.id,
            agendaItemId: item.id,
            dossierId: dossier.id,
          }),
        );
      }
      return { agendaItemId: item.id, dossierCode: dossier.code, slot };
    });
    await this.outbox.enqueue(mails);
    return result;
  }
}

// eslint-disable-next-line no-control-regex -- control characters are exactly what it removes
const LINE_BREAKING_OR_CONTROL = /[\u0000-\u001f\u007f\u0085\u2028\u2029]/g;

/** The name shown for a download: no path, no control characters, the extension of its real type. */
export function sanitizeFileName(name: string, kind: string): string {
  const base = (name.split(/[\\/]/).pop() ?? '')
    .replace(LINE_BREAKING_OR_CONTROL, '')
    .replace(/["<>|:*?]/g, '')
    .replace(/\.[A-Za-z0-9]{1,5}$/, '')
    .trim()
    .slice(0, 100);
  return `${base || 'document'}.${kind}`;
}

import { Inject, Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { APP_CONFIG, AppConfig, Clock, CLOCK } from '@overlegtafels/config';
import {
  AanmeldingQuestion,
  findTable,
  nextDossierCode,
  RegionConfig,
  newDossierState,
  regionAnswersOf,
  TableDefinition,
} from '@overlegtafels/domain';
import { dossierCode, emailAddress, label, MailComposer, uuid, webLink } from '@overlegtafels/mail';
import { scopedRegion } from '../region-time-zone';
import { AgendaRefusal, InputError } from '../errors';
import type { SlotInfo } from '../agenda/agenda-views';
import { AgendaPlacement } from '../ports/agenda-placement.port';
import { AuditLog } from '../ports/audit-log.port';
import { DossierChanged } from '../ports/dossier-changed.port';
import { DossierRepository } from '../ports/dossier.repository.port';
import { MailOutbox, QueuedMail } from '../ports/mail-outbox.port';
import { OrganisationDirectory } from '../ports/organisation-directory.port';
import { RegionRepository } from '../ports/region.repository.port';
import { UnitOfWork } from '../ports/unit-of-work.port';
import { aanmeldingSchemaFor, SubmitAanmeldingCommand } from './submit-aanmelding.command';
import { ofRegion } from '../region-fence/region-fence';
import { SubmittedOnce } from '../submissions/submitted-once';

/** The ledger's scope of an aanmelding's one-time key. */
export const AANMELDING_SCOPE = 'aanmelding';

export interface AanmeldingResult {
  readonly dossierId: string;
  readonly dossierCode: string;
  readonly agendaItemId: string;
  readonly slot: SlotInfo;
  /** True when the submission key was used before: nothing new was made; the first one's result. */
  readonly repeated?: boolean;
}

/**
 * An aanmelder files an aanmelding: a new dossier (phase aangemeld, a new code), the aanmelding
 * with every question of the guide, and an ICO agendapunt placed by the table's rules — in one
 * transaction with the confirmation mail, under the ICO's lock so racing submissions queue up.
 */
/** The region's part of the aanmelding form. */
export interface AanmeldingFormShape {
  readonly questions: readonly AanmeldingQuestion[];
  readonly regionName: string;
  /** The intake table's name ("Verkennend casusoverleg (ICO)") and how a sentence names it ("het ICO"). */
  readonly intakeTableName: string;
  readonly intakeTableShort: string;
}

@Injectable()
export class SubmitAanmeldingUseCase {
  /** Per region: the form's and the API's schema, made once. */
  private readonly schemas = new Map<string, ReturnType<typeof aanmeldingSchemaFor>>();

  /** The region of the current work (the aanmelder's): its intake table takes the aanmelding. */
  private get region(): RegionConfig {
    return scopedRegion(this.config);
  }

  private get ico(): TableDefinition {
    const ico = findTable(this.region, this.region.dossierLife.roles.intake.table);
    if (!ico) throw new Error(`region ${this.region.key} has no intake table`);
    return ico;
  }

  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(DossierRepository) private readonly dossiers: DossierRepository,
    @Inject(AgendaPlacement) private readonly placement: AgendaPlacement,
    @Inject(OrganisationDirectory) private readonly organisations: OrganisationDirectory,
    @Inject(RegionRepository) private readonly regions: RegionRepository,
    @Inject(AuditLog) private readonly audit: AuditLog,
    @Inject(MailComposer) private readonly composer: MailComposer,
    @Inject(MailOutbox) private readonly outbox: MailOutbox,
    @Inject(DossierChanged) private readonly dossierChanged: DossierChanged,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(SubmittedOnce) private readonly once: SubmittedOnce,
  ) {}

  /** What the form asks beyond the common questions, and to whom it is written. */
  form(): AanmeldingFormShape {
    return {
      questions: this.region.aanmeldingQuestions ?? [],
      regionName: this.region.name,
      intakeTableName: this.ico.name,
      intakeTableShort: this.region.dossierLife.rules[this.ico.key]?.label ?? this.ico.name,
    };
  }

  /** The form's and the API's schema for the region: the common questions and the region's own. */
  schema(): ReturnType<typeof aanmeldingSchemaFor> {
    const region = this.region;
    let schema = this.schemas.get(region.key);
    if (!schema) {
      schema = aanmeldingSchemaFor(region.aanmeldingQuestions ?? []);
      this.schemas.set(region.key, schema);
    }
    return schema;
  }

  async execute({
    actor,
    aanmelding: input,
    submissionKey,
  }: SubmitAanmeldingCommand): Promise<AanmeldingResult> {
    // Parsed by schema() at the edge; checked again here, so no caller files without the region's answers.
    const own = regionAnswersOf(this.region.aanmeldingQuestions ?? [], input.regionAnswers ?? {});
    if (own.problems.length) {
      throw new InputError(
        own.problems.map((p) => ({ field: p.field, code: 'INVALID', message: p.message })),
      );
    }
    const organisation = await this.organisations.find(input.organisationId);
    // The dossier is opened in the aanmelder's region: the organisation must be of it too.
    const regionId = await this.regions.idOf(this.region.key);
    if (!ofRegion(actor, organisation) || !ofRegion({ regionId }, organisation) || !organisation.active) {
      throw new InputError([
        { field: 'organisationId', code: 'UNKNOWN', message: 'Kies een organisatie uit de lijst.' },
      ]);
    }
    const table = this.ico;
    const zone = table.timeZone;
    const mails: QueuedMail[] = [];
    const result = await this.uow.run(async (tx): Promise<AanmeldingResult> => {
      const now = this.clock.now();
      // A reload, a double click or a retried call with the same key: the first one's result.
      const once = await this.once.run(
        tx,
        {
          actorPersonId: actor.personId,
          scope: AANMELDING_SCOPE,
          key: submissionKey,
          content: input,
          at: now,
          resultIdOf: (r: AanmeldingResult) => r.agendaItemId,
        },
        async (): Promise<AanmeldingResult> => {
          const year = DateTime.fromJSDate(now, { zone }).year;
          const code = nextDossierCode(
            this.region.dossierCodePrefix ?? 'CO3',
            year,
            (await this.dossiers.takeNextNumber(tx, regionId, year)) - 1,
          );
          const { dossierId, aanmeldingId } = await this.dossiers.openWithAanmelding(tx, {
            ...input,
            regionAnswers: own.answers,
            code,
            regionId,
            phase: newDossierState(this.region.dossierLife).phase,
            aanmelderId: actor.personId,
            submittedAt: now,
          });
          const placed = await this.placement.place(tx, {
            tableKey: table.key,
            itemType: this.region.dossierLife.roles.intake.aanmeldingItemType,
            dossierId,
            submittedAt: now,
            submittedById: actor.personId,
            aanmeldingId,
            guests: [{ kind: 'aanmelder', personId: actor.personId, email: input.contactEmail }],
          });
          if (!placed.ok) {
            throw placed.reason === 'no_session'
              ? new AgendaRefusal(
                  'NO_SESSION_IN_RANGE',
                  `Er is het komende jaar geen ${table.name} gepland; neem contact op met de coördinator.`,
                )
              : new AgendaRefusal(
                  'SESSION_FULL',
                  'Alle ICO’s van het komende jaar zijn volzet; neem contact op met de coördinator.',
                );
          }
          await this.dossierChanged.dossierChanged(tx, dossierId);
          const { slot } = placed;
          await this.audit.append(
            {
              actorPersonId: actor.personId,
              action: 'aanmelding.create',
              entityType: 'dossier',
              entityId: dossierId,
              dossierId,
              outcome: 'allowed',
              route: actor.route ?? null,
              details: { code, agendaItemId: placed.itemId, sessionId: placed.sessionId },
            },
            now,
            tx,
          );
          const rendered = await this.composer.aanmeldingReceived({
            recipient: { address: emailAddress(input.contactEmail) },
            session: {
              id: uuid(placed.sessionId),
              table: label(table.name),
              start: DateTime.fromJSDate(placed.sessionStart, { zone }),
              end: DateTime.fromJSDate(placed.sessionEnd, { zone }),
            },
            slot: {
              agendaItemId: uuid(placed.itemId),
              start: DateTime.fromISO(slot.slotStart, { zone }),
              end: DateTime.fromISO(slot.slotEnd, { zone }),
              dossier: dossierCode(code),
              itemType: label('Aanmelding'),
            },
            detailsUrl: webLink(`${this.config.publicUrl}/dossiers/${code}`),
            freezeAt: DateTime.fromMillis(slot.freezeAtMs, { zone }),
            invitation: { sequence: placed.icsSequence, stamp: DateTime.fromJSDate(now, { zone }) },
          });
          mails.push(
            await this.outbox.write(tx, rendered, {
              key: `aanmelding-received|${placed.itemId}|${actor.personId}|${placed.icsSequence}`,
              purpose: 'aanmelding-received',
              recipientEmail: input.contactEmail,
              recipientPersonId: actor.personId,
              sessionId: placed.sessionId,
              agendaItemId: placed.itemId,
              dossierId,
              sequence: placed.icsSequence,
            }),
          );
          return { dossierId, dossierCode: code, agendaItemId: placed.itemId, slot };
        },
      );
      return once.repeated ? { ...once.result, repeated: true } : once.result;
    });
    await this.outbox.enqueue(mails);
    return result;
  }
}

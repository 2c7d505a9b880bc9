import { Inject, Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { APP_CONFIG, AppConfig, CLOCK, Clock } from '@overlegtafels/config';
import { intakeTableOf, noConsentReturnLimitOf, recordNoConsent } from '@overlegtafels/domain';
import { dossierCode, emailAddress, MailComposer, webLink } from '@overlegtafels/mail';
import {
  auditRecorded,
  type CasusregisseurActor,
  dossierForCasusregisseur,
  refusalOf,
} from '../agenda/casusregisseur-guard';
import { toDossierState } from '../agenda/dossier-state';
import { AuditLog } from '../ports/audit-log.port';
import { DossierChanged } from '../ports/dossier-changed.port';
import { DossierRepository } from '../ports/dossier.repository.port';
import { MailOutbox, QueuedMail } from '../ports/mail-outbox.port';
import { ObligationRecipient, PersonDirectory } from '../ports/person-directory.port';
import { UnitOfWork } from '../ports/unit-of-work.port';
import { regionTimeZone, scopedRegion } from '../region-time-zone';
import { RecordNoConsentCommand } from './record-no-consent.command';
import { SubmittedOnce } from '../submissions/submitted-once';

export interface NoConsentResult {
  readonly code: string;
  /** YYYY-MM-DD */
  readonly establishedOn: string;
  /** How often the aanmelder may still bring the dossier back to the ICO. */
  readonly returnsLeft: number;
}

/** The ledger's scope of a 'geen instemming' one-time key. */
export const NO_CONSENT_SCOPE = 'no-consent';

/**
 * The casusregisseur (or a coordinator) records that no adult family member consents, so
 * casusregie cannot start (guide I.G). In one transaction: the dossier goes to "geen instemming"
 * and the appointment ends (the casusregisseur no longer directs it, and loses access to it with
 * the commit); the obligations are re-planned, so the consent obligation and what the ICO planned
 * with the appointment are cancelled; the aanmelder and the ICO's coordinators get a mail with
 * the code only; the audit event. What was tried stays on the dossier, behind login.
 */
@Injectable()
export class RecordNoConsentUseCase {
  /** The time zone of the region the work runs in (the actor's). */
  private get zone(): string {
    return regionTimeZone(this.config);
  }
  private get returnLimit(): number {
    return noConsentReturnLimitOf(scopedRegion(this.config));
  }

  /** The table that takes the dossier back: its coordinators hear of the "geen instemming". */
  private get intakeTable(): string {
    return intakeTableOf(scopedRegion(this.config).dossierLife);
  }

  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(DossierRepository) private readonly dossiers: DossierRepository,
    @Inject(PersonDirectory) private readonly people: PersonDirectory,
    @Inject(DossierChanged) private readonly dossierChanged: DossierChanged,
    @Inject(MailComposer) private readonly composer: MailComposer,
    @Inject(MailOutbox) private readonly outbox: MailOutbox,
    @Inject(AuditLog) private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(SubmittedOnce) private readonly once: SubmittedOnce,
  ) {}

  /**
   * The first answer when this person sent this key for this dossier before (a reload, a double
   * click, a retried call): the appointment, and with it the access, ended with that first one, so
   * the repeat is answered from the sender's own ledger before any access check, writing nothing.
   * Undefined when there is no such earlier submission (the edge then goes the ordinary way).
   */
  async firstAnswer(repeat: {
    readonly actor: Pick<CasusregisseurActor, 'personId' | 'regionId'>;
    readonly code: string;
    readonly noConsent: RecordNoConsentCommand['noConsent'];
    readonly submissionKey?: string;
  }): Promise<NoConsentResult | undefined> {
    if (!repeat.submissionKey) return undefined;
    const row = await this.dossiers.byCode(undefined, repeat.code);
    if (!row || row.regionId !== repeat.actor.regionId) return undefined;
    return this.earlierAnswer(repeat.actor.personId, row.id, repeat.noConsent, repeat.submissionKey);
  }

  private async earlierAnswer(
    personId: string,
    dossierId: string,
    noConsent: RecordNoConsentCommand['noConsent'],
    key: string,
  ): Promise<NoConsentResult | undefined> {
    const earlier = await this.uow.run((tx) =>
      this.once.earlier<NoConsentResult>(tx, {
        actorPersonId: personId,
        scope: NO_CONSENT_SCOPE,
        key,
        content: { dossierId, noConsent },
        at: this.clock.now(),
      }),
    );
    return earlier?.result;
  }

  async execute({
    actor,
    dossierId,
    noConsent,
    submissionKey,
  }: RecordNoConsentCommand): Promise<NoConsentResult> {
    const now = this.clock.now();
    // A repeat that raced past the edge's check: the first answer, before the access it ended is checked.
    const first =
      submissionKey && (await this.earlierAnswer(actor.personId, dossierId, noConsent, submissionKey));
    if (first) return first;
    const seen = await dossierForCasusregisseur(
      this.dossiers,
      this.audit,
      actor,
      dossierId,
      'dossier.geen-instemming',
      now,
    );
    const mails: QueuedMail[] = [];
    const result = await this.uow.run(async (tx) => {
      const once = await this.once.run(
        tx,
        {
          actorPersonId: actor.personId,
          scope: NO_CONSENT_SCOPE,
          key: submissionKey,
          content: { dossierId: seen.id, noConsent },
          at: now,
        },
        async () => {
          const row = (await this.dossiers.byId(tx, seen.id))!;
          const outcome = recordNoConsent(
            toDossierState(row, this.zone),
            { ...noConsent, recordedById: actor.personId },
            {
              today: DateTime.fromJSDate(now, { zone: this.zone }).toISODate()!,
              life: scopedRegion(this.config).dossierLife,
              returnLimit: this.returnLimit,
            },
          );
          if (!outcome.ok) throw refusalOf(outcome);
          const event = outcome.effects.find((e) => e.type === 'geen-instemming');
          const returnsLeft = event?.type === 'geen-instemming' ? event.returnsLeft : 0;
          await this.dossiers.recordNoConsent(tx, row.id, outcome.next, {
            establishedOn: noConsent.establishedOn,
            recordedById: actor.personId,
            note: noConsent.note,
          });
          await this.dossierChanged.dossierChanged(tx, row.id);

          const link = webLink(`${this.config.publicUrl}/dossiers/${row.code}`);
          const told: { person: ObligationRecipient; role: 'aanmelder' | 'coordinator' }[] = [];
          const aanmelder = row.aanmelderId ? await this.people.contactOf(tx, row.aanmelderId) : undefined;
          if (aanmelder) {
            told.push({ person: { ...aanmelder, personId: aanmelder.id }, role: 'aanmelder' });
          }
          for (const c of await this.people.coordinatorsOf(tx, row.regionId, this.intakeTable)) {
            if (!told.some((t) => t.person.personId === c.personId))
              told.push({ person: c, role: 'coordinator' });
          }
          for (const { person, role } of told) {
            const rendered = await this.composer.noConsentFound({
              recipient: { address: emailAddress(person.email), name: person.displayName },
              dossier: dossierCode(row.code),
              role,
              establishedOn: DateTime.fromISO(noConsent.establishedOn, { zone: this.zone }),
              returnsLeft,
              link,
            });
            mails.push(
              await this.outbox.write(tx, rendered, {
                key: `no-consent-found|${row.id}|${noConsent.establishedOn}|${person.personId}`,
                purpose: 'no-consent-found',
                recipientEmail: person.email,
                recipientPersonId: person.personId,
                dossierId: row.id,
              }),
            );
          }
          // Who was appointed stays in the history; the log keeps the date and the count, not the note.
          await auditRecorded(
            this.audit,
            actor,
            row,
            'dossier.geen-instemming',
            {
              establishedOn: noConsent.establishedOn,
              returnsLeft,
              formerCasusregisseur: row.casusregisseurId,
            },
            now,
            tx,
          );
          return { code: row.code, establishedOn: noConsent.establishedOn, returnsLeft };
        },
      );
      return once.result;
    });
    await this.outbox.enqueue(mails);
    return result;
  }
}

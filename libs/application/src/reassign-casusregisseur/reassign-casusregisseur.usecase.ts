import { Inject, Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { APP_CONFIG, AppConfig, CLOCK, Clock } from '@overlegtafels/config';
import { changeCasusregisseur, LocalDateString } from '@overlegtafels/domain';
import { dossierCode, emailAddress, MailComposer, webLink } from '@overlegtafels/mail';
import { AgendaRefusal, InputError } from '../errors';
import { toDossierState } from '../agenda/dossier-state';
import { AuditLog } from '../ports/audit-log.port';
import { DossierChanged } from '../ports/dossier-changed.port';
import { DossierRecord, DossierRepository } from '../ports/dossier.repository.port';
import type { Transaction } from '../ports/unit-of-work.port';
import { MailOutbox, QueuedMail } from '../ports/mail-outbox.port';
import { PersonDirectory } from '../ports/person-directory.port';
import { UnitOfWork } from '../ports/unit-of-work.port';
import { regionTimeZone, scopedRegion } from '../region-time-zone';
import type { ReassignCasusregisseurCommand } from './reassign-casusregisseur.command';
import { dossierTarget, withinRegion } from '../region-fence/region-fence';
import { SubmittedOnce } from '../submissions/submitted-once';

export interface CasusregisseurReassignment {
  readonly code: string;
  readonly changeId: string;
  readonly fromPersonId: string;
  readonly casusregisseurId: string;
  /** YYYY-MM-DD */
  readonly effectiveDate: string;
}

const notFound = () =>
  new AgendaRefusal('DOSSIER_NOT_FOUND', 'Dossier niet gevonden.', undefined, 'not_found');

/** The ledger's scope of a casusregie handover's one-time key. */
export const REASSIGN_SCOPE = 'casusregisseur-change';

/**
 * A coordinator hands the casusregie of a dossier to another casusregisseur of the region (guide
 * II.F: temporary casusregie passing to a chain partner's casusregisseur; someone leaving). In
 * one transaction: the dossier's casusregisseur and the history of the change; the follow-up
 * obligations re-planned, so the open ones (and the reminders not sent yet) go to the new one;
 * a mail to both, with the code only; the audit event with who had it and who has it now. From
 * the commit on, need-to-know follows the dossier's casusregisseur: the previous one no longer
 * sees the dossier, its documents or its obligations.
 */
@Injectable()
export class ReassignCasusregisseurUseCase {
  /** The time zone of the region the work runs in (the actor's). */
  private get zone(): string {
    return regionTimeZone(this.config);
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

  async execute(command: ReassignCasusregisseurCommand): Promise<CasusregisseurReassignment> {
    const { actor, casusregisseurId: to, effectiveDate, reason } = command;
    const mails: QueuedMail[] = [];
    const result = await this.uow.run(async (tx) => {
      const once = await this.once.run(
        tx,
        {
          actorPersonId: actor.personId,
          scope: REASSIGN_SCOPE,
          key: command.submissionKey,
          content: { dossierId: command.dossierId, to, effectiveDate, reason, note: command.note },
          at: this.clock.now(),
        },
        async () => {
          const now = this.clock.now();
          // Every write checks the actor's region, not only the read that found the dossier.
          const row = await withinRegion(
            this.audit,
            actor,
            await this.dossiers.byId(tx, command.dossierId),
            dossierTarget('dossier.casusregisseur-change'),
            now,
          );
          if (!row) throw notFound();
          if (!(await this.people.isCasusregisseur(tx, actor.regionId, to))) {
            throw new InputError([
              {
                field: 'casusregisseurId',
                code: 'NOT_A_CASUSREGISSEUR',
                message: 'Kies een casusregisseur van de regio uit de lijst.',
              },
            ]);
          }
          const outcome = changeCasusregisseur(
            toDossierState(row, this.zone),
            { toPersonId: to, effectiveDate, reason, ...(command.note && { note: command.note }) },
            {
              today: this.day(now),
              life: scopedRegion(this.config).dossierLife,
              ...(await this.currentSince(tx, row)),
            },
          );
          if (!outcome.ok)
            throw new AgendaRefusal(outcome.code, outcome.message, outcome.field, 'unprocessable');
          const change = await this.dossiers.changeCasusregisseur(tx, row.id, {
            fromPersonId: outcome.fromPersonId,
            toPersonId: to,
            effectiveDate,
            reason,
            note: command.note ?? null,
            changedById: actor.personId,
            changedAt: now,
          });
          if (!change) {
            throw new AgendaRefusal(
              'CASUSREGISSEUR_CHANGED',
              'De casusregisseur van dit dossier werd intussen al gewijzigd. Laad de pagina opnieuw.',
              undefined,
              'conflict',
            );
          }
          await this.dossierChanged.dossierChanged(tx, row.id);
          const links = {
            nieuw: `${this.config.publicUrl}/dossiers/${row.code}`,
            vorig: `${this.config.publicUrl}/opvolging`,
          };
          for (const [personId, role] of [
            [to, 'nieuw'],
            [outcome.fromPersonId, 'vorig'],
          ] as const) {
            // Someone who left (deactivated) gets no mail any more; the coordinators were told.
            const contact = await this.people.activePerson(tx, personId);
            if (!contact) continue;
            const rendered = await this.composer.casusregieChange({
              recipient: { address: emailAddress(contact.email), name: contact.displayName },
              dossier: dossierCode(row.code),
              role,
              effectiveDate: DateTime.fromISO(effectiveDate, { zone: this.zone }),
              link: webLink(links[role]),
            });
            mails.push(
              await this.outbox.write(tx, rendered, {
                key: `casusregie-change|${change.id}|${personId}`,
                purpose: 'casusregie-change',
                recipientEmail: contact.email,
                recipientPersonId: personId,
                dossierId: row.id,
              }),
            );
          }
          await this.audit.append(
            {
              actorPersonId: actor.personId,
              action: 'dossier.casusregisseur-change',
              entityType: 'dossier',
              entityId: row.id,
              dossierId: row.id,
              outcome: 'allowed',
              route: actor.route ?? null,
              // Who had it and who has it, by id; the note stays with the dossier.
              details: {
                code: row.code,
                changeId: change.id,
                from: outcome.fromPersonId,
                to,
                effectiveDate,
                reason,
              },
            },
            now,
            tx,
          );
          return {
            code: row.code,
            changeId: change.id,
            fromPersonId: outcome.fromPersonId,
            casusregisseurId: to,
            effectiveDate,
          };
        },
      );
      return once.result;
    });
    await this.outbox.enqueue(mails);
    return result;
  }

  /**
   * Since when the current casusregisseur directs the dossier: their own takeover, or for the
   * first one the ICO's appointment (or the start of casusregie, if that was earlier or the start
   * was taken over from before the service).
   */
  private async currentSince(
    tx: Transaction,
    row: DossierRecord,
  ): Promise<{ currentSince?: LocalDateString }> {
    const last = (await this.dossiers.casusregisseurChangesOf(tx, row.id)).at(-1);
    if (last) return { currentSince: last.effectiveDate };
    const appointed = (await this.dossiers.decisionsOf(tx, row.id))
      .filter((d) => d.kind === 'met_casusregie')
      .at(-1);
    const days = [appointed && this.day(appointed.decidedAt), row.casusregieStartDate ?? undefined]
      .filter((d): d is string => d !== undefined)
      .sort();
    return days[0] ? { currentSince: days[0] } : {};
  }

  private day(at: Date): LocalDateString {
    return DateTime.fromJSDate(at, { zone: this.zone }).toISODate()!;
  }
}

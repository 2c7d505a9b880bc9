import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@overlegtafels/auth';
import { APP_CONFIG, AppConfig, CLOCK, Clock } from '@overlegtafels/config';
import { checkVervolghulpReport, FulfilmentSpec, ObligationParty } from '@overlegtafels/domain';
import { dossierCode, emailAddress, MailComposer, webLink } from '@overlegtafels/mail';
import type { Transaction } from '../ports/unit-of-work.port';
import { AgendaRefusal, InputError } from '../errors';
import { isNotOpen, ObligationFormGate } from '../obligations/obligation-form-gate';
import { DossierRepository } from '../ports/dossier.repository.port';
import { MailOutbox, QueuedMail } from '../ports/mail-outbox.port';
import { ObligationRecipient, PersonDirectory } from '../ports/person-directory.port';
import { ObligationRepository } from '../ports/obligation.repository.port';
import { UnitOfWork } from '../ports/unit-of-work.port';
import { SyncDossierObligationsUseCase } from '../sync-dossier-obligations/sync-dossier-obligations.usecase';
import type { SubmitFollowUpReportCommand } from './submit-follow-up-report.command';
import { SubmittedOnce } from '../submissions/submitted-once';

export interface FollowUpReportResult {
  readonly obligationId: string;
  readonly dossierCode: string;
  /** How many people the report was sent to (the coordinators of the Ronde Tafel). */
  readonly told: number;
}

/** The ledger's scope of a follow-up report's one-time key. */
export const FOLLOW_UP_REPORT_SCOPE = 'follow-up-report';

/**
 * Six months after the afronding the casusregisseur reports whether the follow-up help started,
 * and which (guide III.E). The answers fulfil the obligation and stay with it; in the same
 * transaction the ones the rule reports to (the coordinators of the Ronde Tafel, who close the
 * dossier) get a mail with the code and a link: the answer is read on the dossier page.
 */
@Injectable()
export class SubmitFollowUpReportUseCase {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(ObligationFormGate) private readonly gate: ObligationFormGate,
    @Inject(ObligationRepository) private readonly obligations: ObligationRepository,
    @Inject(SyncDossierObligationsUseCase) private readonly sync: SyncDossierObligationsUseCase,
    @Inject(DossierRepository) private readonly dossiers: DossierRepository,
    @Inject(PersonDirectory) private readonly people: PersonDirectory,
    @Inject(MailComposer) private readonly composer: MailComposer,
    @Inject(MailOutbox) private readonly outbox: MailOutbox,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'publicUrl'>,
    @Inject(SubmittedOnce) private readonly once: SubmittedOnce,
  ) {}

  async execute(principal: Principal, command: SubmitFollowUpReportCommand): Promise<FollowUpReportResult> {
    const { report, route } = command;
    const {
      obligation: o,
      rule,
      helpKinds,
    } = await this.gate.open(
      principal,
      command.obligationId,
      'vervolghulp',
      route,
      () => true,
      !command.submissionKey,
    );
    const check = checkVervolghulpReport(report, helpKinds);
    // A kind the region does not offer is bad input (400 on the field), like one the form never had.
    if (!check.ok && check.code === 'FIELD_INVALID')
      throw new InputError([{ field: check.field, code: 'UNKNOWN', message: check.message }]);
    if (!check.ok) throw new AgendaRefusal(check.code, check.message, check.field, 'unprocessable');
    const spec = rule.fulfilledBy.find(
      (f): f is Extract<FulfilmentSpec, { kind: 'form' }> => f.kind === 'form',
    );
    const mails: QueuedMail[] = [];
    const result = await this.uow
      .run(async (tx) => {
        const once = await this.once.run(
          tx,
          {
            actorPersonId: principal.personId,
            scope: FOLLOW_UP_REPORT_SCOPE,
            key: command.submissionKey,
            content: { obligationId: o.id, report },
            at: this.clock.now(),
          },
          async () => {
            const now = this.clock.now();
            const done = await this.obligations.fulfilWithForm(tx, o.id, {
              form: 'vervolghulp',
              answers: report,
              submittedById: principal.personId,
              submittedAt: now,
            });
            if (!done) {
              throw new AgendaRefusal(
                'OBLIGATION_NOT_OPEN',
                'Deze opvolgingstaak is niet meer open.',
                undefined,
                'conflict',
              );
            }
            await this.sync.execute(tx, { dossierId: o.dossierId });
            const dossier = (await this.dossiers.byId(tx, o.dossierId))!;
            const recipients = spec?.reportTo
              ? await this.recipients(tx, spec.reportTo, o.regionId, dossier)
              : [];
            const link = webLink(`${this.config.publicUrl}/dossiers/${dossier.code}#vervolghulp`);
            for (const r of recipients) {
              const rendered = await this.composer.followUpReport({
                recipient: { address: emailAddress(r.email), name: r.displayName },
                dossier: dossierCode(dossier.code),
                link,
              });
              mails.push(
                await this.outbox.write(tx, rendered, {
                  key: `follow-up-report|${o.id}|${r.personId}`,
                  purpose: 'follow-up-report',
                  recipientEmail: r.email,
                  recipientPersonId: r.personId,
                  dossierId: dossier.id,
                }),
              );
            }
            await this.gate.record(
              principal,
              route,
              'vervolghulp',
              o,
              'allowed',
              { code: dossier.code, started: report.started },
              true,
              tx,
            );
            return { obligationId: o.id, dossierCode: dossier.code, told: recipients.length };
          },
        );
        return once.result;
      })
      .catch(async (error: unknown) => {
        // Refused in the transaction (with a key): the audit event of the refusal, then the refusal.
        if (isNotOpen(error)) throw await this.gate.notOpen(principal, route, 'vervolghulp', o);
        throw error;
      });
    await this.outbox.enqueue(mails);
    return result;
  }

  private async recipients(
    tx: Transaction,
    party: ObligationParty,
    regionId: string,
    dossier: { casusregisseurId: string | null },
  ): Promise<ObligationRecipient[]> {
    switch (party.role) {
      case 'coordinator':
        return this.people.coordinatorsOf(tx, regionId, party.table);
      case 'strategisch-coordinator':
        return this.people.strategicCoordinatorsOf(tx, regionId);
      case 'casusregisseur': {
        const p = dossier.casusregisseurId
          ? await this.people.activePerson(tx, dossier.casusregisseurId)
          : undefined;
        return p ? [p] : [];
      }
    }
  }
}

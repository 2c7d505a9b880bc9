import { Inject, Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { APP_CONFIG, AppConfig, CLOCK, Clock } from '@overlegtafels/config';
import {
  applyDecision,
  DecisionInput,
  findTable,
  holdSession,
  noConsentReturnLimitOf,
  RegionConfig,
} from '@overlegtafels/domain';
import { getRegion } from '@overlegtafels/regions';
import { AgendaRefusal, InputError } from '../errors';
import { DecisionFormInput, RecordDecisionCommand } from './record-decision.command';
import { toDossierState } from '../agenda/dossier-state';
import { AuditLog } from '../ports/audit-log.port';
import { DecisionAgenda } from '../ports/decision-agenda.port';
import { DossierChanged } from '../ports/dossier-changed.port';
import { DossierRepository, NewDecision } from '../ports/dossier.repository.port';
import { MailOutbox, QueuedMail } from '../ports/mail-outbox.port';
import type { PlacementGuest } from '../ports/agenda-placement.port';
import { PersonDirectory } from '../ports/person-directory.port';
import { type Transaction, UnitOfWork } from '../ports/unit-of-work.port';
import { DecisionLetters } from './decision-letters';
import { withinRegion } from '../region-fence/region-fence';
import { RiskPictureRecorder } from '../record-risk-picture/risk-picture-recorder';
import { SubmittedOnce } from '../submissions/submitted-once';

/** The ledger's scope of a decision's one-time key. */
export const DECISION_SCOPE = 'decision';

export interface DecisionResult {
  readonly decisionId: string;
  readonly dossierCode: string;
  readonly phase: string;
  /** The ICO agendapunt made for a herbespreking, if any. */
  readonly followUpItemId?: string;
}

const conflict = (code: string, message: string) => new AgendaRefusal(code, message, undefined, 'conflict');

/**
 * The coordinator records what the table decided about one agendapunt. The dossier's lifecycle
 * (libs/domain) decides whether the decision is allowed, what the dossier becomes and what the
 * decision sets in motion; here it is stored with all of that in one transaction: the phase, the
 * casusregie, a return to the ICO with the aanmelder as guest, the obligations it opens
 * (DossierChanged) and the letters to whoever must hear of it (DecisionLetters, through the outbox).
 */
@Injectable()
export class RecordDecisionUseCase {
  private readonly region: RegionConfig;

  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(DossierRepository) private readonly dossiers: DossierRepository,
    @Inject(DecisionAgenda) private readonly agenda: DecisionAgenda,
    @Inject(PersonDirectory) private readonly people: PersonDirectory,
    @Inject(AuditLog) private readonly audit: AuditLog,
    @Inject(DecisionLetters) private readonly letters: DecisionLetters,
    @Inject(MailOutbox) private readonly outbox: MailOutbox,
    @Inject(DossierChanged) private readonly dossierChanged: DossierChanged,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(RiskPictureRecorder) private readonly riskPictures: RiskPictureRecorder,
    @Inject(SubmittedOnce) private readonly once: SubmittedOnce,
  ) {
    const region = getRegion(config.region);
    if (!region) throw new Error(`REGION ${config.region} has no configuration in libs/regions`);
    this.region = region;
  }

  async execute({
    actor,
    itemId,
    decision: form,
    submissionKey,
  }: RecordDecisionCommand): Promise<DecisionResult> {
    let mails: QueuedMail[] = [];
    const result = await this.uow.run(async (tx) => {
      const now = this.clock.now();
      // A reload, a double click or a retried call with the same key: the first decision.
      const once = await this.once.run(
        tx,
        {
          actorPersonId: actor.personId,
          scope: DECISION_SCOPE,
          key: submissionKey,
          content: { itemId, form },
          at: now,
          resultIdOf: (r: DecisionResult) => r.decisionId,
        },
        async (): Promise<DecisionResult> => {
          const item = await this.agenda.itemToDecide(tx, itemId);
          const allowed =
            item && (actor.coordinatorTables === 'all' || actor.coordinatorTables.includes(item.tableKey));
          const dossier = await withinRegion(
            this.audit,
            actor,
            item ? await this.dossiers.byId(tx, item.dossierId) : undefined,
            (d) => ({
              action: 'decision.record',
              entityType: 'agenda_item',
              entityId: itemId,
              dossierId: d.id,
              code: d.code,
            }),
            now,
          );
          if (!item || !allowed || !dossier) {
            throw new AgendaRefusal('ITEM_NOT_FOUND', 'Agendapunt niet gevonden.', undefined, 'not_found');
          }
          const table = findTable(this.region, item.tableKey);
          if (!table)
            throw new AgendaRefusal('ITEM_NOT_FOUND', 'Agendapunt niet gevonden.', undefined, 'not_found');
          const zone = table.timeZone;
          const { session } = item;
          if (item.status === 'discussed')
            throw conflict('ALREADY_DECIDED', 'Voor dit agendapunt is al een beslissing geregistreerd.');
          if (item.status === 'withdrawn')
            throw conflict('ITEM_WITHDRAWN', 'Dit agendapunt werd ingetrokken.');
          const held = holdSession(session);
          if (!held.ok) throw conflict(held.code, held.message);
          if (session.startsAt.getTime() > now.getTime()) {
            throw conflict(
              'SESSION_NOT_HELD',
              'Een beslissing kan pas vanaf het begin van de zitting worden geregistreerd.',
            );
          }
          const decisionDate = DateTime.fromJSDate(session.startsAt, { zone }).toISODate()!;
          if (
            form.kind === 'met_casusregie' &&
            !(await this.people.isCasusregisseur(tx, actor.regionId, form.casusregisseurId))
          ) {
            throw new InputError([
              {
                field: 'casusregisseurId',
                code: 'UNKNOWN',
                message: 'Kies een casusregisseur uit de lijst.',
              },
            ]);
          }
          const outcome = applyDecision(
            toDossierState(dossier, zone),
            toDecisionInput(form, actor.personId, decisionDate),
            {
              decisionDate,
              tableKey: item.tableKey,
              itemType: item.itemType,
              noConsentReturnLimit: noConsentReturnLimitOf(this.region),
              zonderCasusregisseurAanmelders: this.region.zonderCasusregisseurAanmelders,
              aanmelderOrganisation: dossier.aanmelderOrganisationKind,
            },
          );
          if (!outcome.ok)
            throw new AgendaRefusal(outcome.code, outcome.message, outcome.field, 'unprocessable');
          const next = outcome.next;
          const consentVerifiedAt =
            next.consent && !dossier.consentVerifiedAt
              ? DateTime.fromISO(next.consent.verifiedOn, { zone }).toJSDate()
              : undefined;
          const decision = await this.dossiers.recordDecision(
            tx,
            dossier.id,
            next,
            consentVerifiedAt,
            toNewDecision(form, item, actor.personId, now),
          );
          await this.agenda.markDiscussed(tx, item, now);
          if (form.kind === 'met_casusregie' && form.riskPicture) {
            const picture = { occasion: 'ico', picture: form.riskPicture, decisionId: decision.id } as const;
            await this.riskPictures.record(tx, {
              actor,
              dossier,
              ...picture,
              now,
              fieldPrefix: 'riskPicture',
            });
          }
          const icoReturn = outcome.effects.some((e) => e.type === 'terug-naar-ico')
            ? await this.agenda.returnToIco(
                tx,
                dossier.id,
                // The aanmelder's item again, as on the first ICO: the mails about its slot go to
                // them (not to the coordinator who recorded the decision); the audit keeps who decided.
                dossier.aanmelderId ?? actor.personId,
                now,
                await this.aanmelderAsGuest(tx, dossier.aanmelderId),
              )
            : undefined;
          await this.dossierChanged.dossierChanged(tx, dossier.id);
          // After the re-plan, so the casusregisseur's letter lists the obligations it opened.
          mails = await this.letters.write(tx, {
            decisionId: decision.id,
            dossier,
            item,
            table,
            form,
            events: outcome.effects,
            ...(icoReturn && { icoReturn }),
          });
          await this.audit.append(
            {
              actorPersonId: actor.personId,
              action: 'decision.record',
              entityType: 'decision',
              entityId: decision.id,
              dossierId: dossier.id,
              outcome: 'allowed',
              route: actor.route ?? null,
              details: { code: dossier.code, kind: form.kind, agendaItemId: item.id, phase: next.phase },
            },
            now,
            tx,
          );
          return {
            decisionId: decision.id,
            dossierCode: dossier.code,
            phase: next.phase,
            ...(icoReturn && { followUpItemId: icoReturn.itemId }),
          };
        },
      );
      if (once.repeated) mails = [];
      return once.result;
    });
    await this.outbox.enqueue(mails);
    return result;
  }

  /** The aanmelder, invited for the aanvullend verkennend casusoverleg (guide II.D). */
  private async aanmelderAsGuest(tx: Transaction, aanmelderId: string | null): Promise<PlacementGuest[]> {
    const contact = aanmelderId ? await this.people.contactOf(tx, aanmelderId) : undefined;
    return contact ? [{ kind: 'aanmelder', personId: contact.id, email: contact.email }] : [];
  }
}

function toNewDecision(
  form: DecisionFormInput,
  item: { id: string; tableKey: string },
  actorId: string,
  now: Date,
): NewDecision {
  return {
    agendaItemId: item.id,
    tableKey: item.tableKey,
    kind: form.kind,
    adviceText: 'adviceText' in form ? (form.adviceText ?? null) : null,
    safetyPlanAdvice: form.kind === 'geen_ketenaanpak' ? form.safetyPlanAdvice : null,
    parketmeldingAdvies: form.kind === 'geen_ketenaanpak' ? form.parketmeldingAdvies : false,
    missingInformation: form.kind === 'herbespreking' ? form.missingInformation : null,
    casusregisseurId: form.kind === 'met_casusregie' ? form.casusregisseurId : null,
    startDate: form.kind === 'met_casusregie' ? form.startDate : null,
    terugkomdatum: form.kind === 'pva_besproken' ? form.terugkomdatum : null,
    vervolgoverlegDate: form.kind === 'met_casusregie' ? (form.vervolgoverlegDate ?? null) : null,
    casusregisseurAbsent: form.kind === 'met_casusregie' ? form.casusregisseurAbsent : false,
    bijkomendCasusoverlegDate:
      form.kind === 'met_casusregie' ? (form.bijkomendCasusoverlegDate ?? null) : null,
    decidedAt: now,
    decidedById: actorId,
  };
}

function toDecisionInput(form: DecisionFormInput, actorId: string, decisionDate: string): DecisionInput {
  switch (form.kind) {
    case 'met_casusregie':
      return {
        kind: 'met_casusregie',
        casusregisseurId: form.casusregisseurId,
        startDate: form.startDate,
        ...(form.vervolgoverlegDate && { vervolgoverlegDate: form.vervolgoverlegDate }),
        casusregisseurAbsent: form.casusregisseurAbsent,
        ...(form.bijkomendCasusoverlegDate && { bijkomendCasusoverlegDate: form.bijkomendCasusoverlegDate }),
        ...(form.consentVerified && {
          consent: {
            verifiedById: actorId,
            verifiedOn: form.consentVerifiedOn ?? decisionDate,
            adultFamilyMemberConsented: true,
            ...(form.consentGivenBy && { givenBy: form.consentGivenBy }),
          },
        }),
      };
    case 'geen_ketenaanpak':
      return {
        kind: 'geen_ketenaanpak',
        adviceText: form.adviceText,
        safetyPlanAdvice: form.safetyPlanAdvice,
        parketmeldingAdvies: form.parketmeldingAdvies,
      };
    case 'geen_instemming':
      return { kind: 'geen_instemming', ...(form.adviceText && { adviceText: form.adviceText }) };
    default:
      return form as DecisionInput;
  }
}

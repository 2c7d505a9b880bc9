import { DateTime } from 'luxon';
import type { AppConfig } from '@overlegtafels/config';
import { scopedRegion } from '../region-time-zone';
import {
  applyDecision,
  DecisionInput,
  DossierSnapshot,
  DossierState,
  INTAKE_RISK_OCCASION,
  noConsentReturnLimitOf,
  TableDefinition,
} from '@overlegtafels/domain';
import { AgendaRefusal, InputError } from '../errors';
import type { DecisionActor, DecisionFormInput } from './record-decision.command';
import { toDossierState } from '../agenda/dossier-state';
import type { AuditLog } from '../ports/audit-log.port';
import type { DecisionAgenda, ItemToDecide } from '../ports/decision-agenda.port';
import type { DossierChanged } from '../ports/dossier-changed.port';
import type { DossierRecord, DossierRepository, NewDecision } from '../ports/dossier.repository.port';
import type { QueuedMail } from '../ports/mail-outbox.port';
import type { PlacementGuest } from '../ports/agenda-placement.port';
import type { PersonDirectory } from '../ports/person-directory.port';
import type { Transaction } from '../ports/unit-of-work.port';
import type { DecisionLetters } from './decision-letters';
import type { RiskPictureRecorder } from '../record-risk-picture/risk-picture-recorder';

/** One decision applied: its row, the dossier's phase after it, its ICO item and its letters. */
export interface AppliedDecision {
  readonly decisionId: string;
  readonly phase: string;
  readonly followUpItemId?: string;
  readonly mails: QueuedMail[];
}

export interface DecisionToApply {
  readonly actor: DecisionActor;
  readonly item: ItemToDecide;
  readonly dossier: DossierRecord;
  readonly table: TableDefinition;
  readonly form: DecisionFormInput;
  readonly now: Date;
  /** The audit action of the change (`decision.record`, `decision.replace`). */
  readonly action: string;
  /** More for the audit row (the decision it replaced, the reason). */
  readonly auditDetails?: Record<string, string>;
}

/** What a dossier's facts are, as a decision keeps them before and after it. */
export function snapshotOf(dossier: DossierRecord): DossierSnapshot {
  return {
    phase: dossier.phase,
    casusregisseurId: dossier.casusregisseurId,
    casusregiePlannedStartDate: dossier.casusregiePlannedStartDate,
    casusregieStartDate: dossier.casusregieStartDate,
    afrondingDate: dossier.afrondingDate,
    afsluitingDate: dossier.afsluitingDate,
    noConsentReturns: dossier.noConsentReturns,
    consentVerifiedAt: dossier.consentVerifiedAt ? dossier.consentVerifiedAt.toISOString() : null,
    consentVerifiedById: dossier.consentVerifiedById,
    consentGivenBy: dossier.consentGivenBy,
    traject: dossier.traject,
  };
}

/** The snapshot after DossierRepository.recordDecision wrote `next` (the consent only when given). */
function snapshotAfter(
  dossier: DossierRecord,
  next: DossierState,
  consentVerifiedAt?: Date,
): DossierSnapshot {
  const consent =
    consentVerifiedAt && next.consent
      ? {
          consentVerifiedAt: consentVerifiedAt.toISOString(),
          consentVerifiedById: next.consent.verifiedById,
          consentGivenBy: next.consent.givenBy ?? null,
        }
      : {};
  return {
    ...snapshotOf(dossier),
    phase: next.phase,
    casusregisseurId: next.casusregisseurId ?? null,
    casusregiePlannedStartDate: next.casusregiePlannedStartDate ?? null,
    casusregieStartDate: next.casusregieStartDate ?? null,
    afrondingDate: next.afrondingDate ?? null,
    afsluitingDate: next.afsluitingDate ?? null,
    noConsentReturns: next.noConsentReturns,
    traject: next.traject ?? null,
    ...consent,
  };
}

/**
 * Applies one decision of a table to a dossier, inside the caller's transaction: the lifecycle
 * (libs/domain) decides whether it is allowed and what it sets in motion; here it is stored with
 * all of that: the phase, the casusregie, a return to the ICO with the aanmelder as guest, the
 * obligations it opens (DossierChanged) and the letters (DecisionLetters, through the outbox). Shared
 * by recording a decision and changing one (which withdraws the old first).
 */
export class DecisionApplier {
  constructor(
    private readonly deps: {
      /** The region of each decision is the current work's (the actor's): read at each use. */
      readonly config: Pick<AppConfig, 'regions'>;
      readonly dossiers: DossierRepository;
      readonly agenda: DecisionAgenda;
      readonly people: PersonDirectory;
      readonly audit: AuditLog;
      readonly letters: DecisionLetters;
      readonly dossierChanged: DossierChanged;
      readonly riskPictures: RiskPictureRecorder;
    },
  ) {}

  async apply(tx: Transaction, d: DecisionToApply): Promise<AppliedDecision> {
    const { actor, item, dossier, table, form, now } = d;
    const { dossiers, agenda, people } = this.deps;
    const region = scopedRegion(this.deps.config);
    const zone = table.timeZone;
    const decisionDate = DateTime.fromJSDate(item.session.startsAt, { zone }).toISODate()!;
    if (
      form.kind === 'met_casusregie' &&
      !(await people.isCasusregisseur(tx, actor.regionId, form.casusregisseurId))
    ) {
      throw new InputError([
        { field: 'casusregisseurId', code: 'UNKNOWN', message: 'Kies een casusregisseur uit de lijst.' },
      ]);
    }
    const outcome = applyDecision(
      toDossierState(dossier, zone),
      toDecisionInput(form, actor.personId, decisionDate),
      {
        decisionDate,
        tableKey: item.tableKey,
        itemType: item.itemType,
        noConsentReturnLimit: noConsentReturnLimitOf(region),
        life: region.dossierLife,
        zonderCasusregisseurAanmelders: region.zonderCasusregisseurAanmelders,
        aanmelderOrganisation: dossier.aanmelderOrganisationKind,
        organisationKinds: region.organisationKinds,
        ...(form.traject !== undefined && { traject: form.traject }),
      },
    );
    if (!outcome.ok) throw new AgendaRefusal(outcome.code, outcome.message, outcome.field, 'unprocessable');
    const next = outcome.next;
    const consentVerifiedAt =
      next.consent && !dossier.consentVerifiedAt
        ? DateTime.fromISO(next.consent.verifiedOn, { zone }).toJSDate()
        : undefined;
    // Discussed before the ICO is re-allocated for a herbespreking, as the item no longer waits.
    await agenda.markDiscussed(tx, item, now);
    const icoReturn = outcome.effects.some((e) => e.type === 'terug-naar-ico')
      ? await agenda.returnToIco(
          tx,
          dossier.id,
          // The aanmelder's item again, as on the first ICO: the mails about its slot go to
          // them (not to the coordinator who recorded the decision); the audit keeps who decided.
          dossier.aanmelderId ?? actor.personId,
          now,
          await this.aanmelderAsGuest(tx, dossier.aanmelderId),
        )
      : undefined;
    const decision = await dossiers.recordDecision(tx, dossier.id, next, consentVerifiedAt, {
      ...toNewDecision(form, item, actor.personId, now),
      priorState: snapshotOf(dossier),
      resultState: snapshotAfter(dossier, next, consentVerifiedAt),
      followUpItemId: icoReturn?.itemId ?? null,
    });
    if (form.kind === 'met_casusregie' && form.riskPicture) {
      await this.deps.riskPictures.record(tx, {
        actor,
        dossier,
        occasion: INTAKE_RISK_OCCASION,
        picture: form.riskPicture,
        decisionId: decision.id,
        now,
        fieldPrefix: 'riskPicture',
      });
    }
    await this.deps.dossierChanged.dossierChanged(tx, dossier.id);
    // After the re-plan, so the casusregisseur's letter lists the obligations it opened.
    const mails = await this.deps.letters.write(tx, {
      decisionId: decision.id,
      dossier,
      item,
      table,
      form,
      events: outcome.effects,
      ...(icoReturn && { icoReturn }),
    });
    await this.deps.audit.append(
      {
        actorPersonId: actor.personId,
        action: d.action,
        entityType: 'decision',
        entityId: decision.id,
        dossierId: dossier.id,
        outcome: 'allowed',
        route: actor.route ?? null,
        details: {
          code: dossier.code,
          kind: form.kind,
          agendaItemId: item.id,
          phase: next.phase,
          ...(next.traject !== undefined &&
            next.traject !== (dossier.traject ?? undefined) && { traject: next.traject }),
          ...d.auditDetails,
        },
      },
      now,
      tx,
    );
    return {
      decisionId: decision.id,
      phase: next.phase,
      ...(icoReturn && { followUpItemId: icoReturn.itemId }),
      mails,
    };
  }

  /** The aanmelder, invited for the aanvullend verkennend casusoverleg (guide II.D). */
  private async aanmelderAsGuest(tx: Transaction, aanmelderId: string | null): Promise<PlacementGuest[]> {
    const contact = aanmelderId ? await this.deps.people.contactOf(tx, aanmelderId) : undefined;
    return contact ? [{ kind: 'aanmelder', personId: contact.id, email: contact.email }] : [];
  }
}

function toNewDecision(
  form: DecisionFormInput,
  item: { id: string; tableKey: string },
  actorId: string,
  now: Date,
): Omit<NewDecision, 'priorState' | 'resultState' | 'followUpItemId'> {
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

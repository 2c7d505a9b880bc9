import { Inject, Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import {
  applyDecision,
  DecisionInput,
  holdSession,
  noConsentReturnLimitOf,
  placeSubmission,
} from '@overlegtafels/domain';
import { dossierCode, emailAddress, label, MailComposer } from '@overlegtafels/mail';
import {
  AgendaRepository,
  AuditRepository,
  DossierRepository,
  Transaction,
} from '@overlegtafels/persistence';
import { CLOCK, Clock } from '@overlegtafels/config';
import { AgendaRefusal, DecisionFormInput, DecisionSchema, InputError, parseInput } from './agenda-input';
import { AgendaService } from './agenda.service';
import { Actor } from './agenda-views';
import { dateOnly, toDossierState } from './dossier-state';
import { DossierChanged } from '../ports/dossier-changed.port';
import { OutboxWriter, QueuedMail } from './outbox-writer';

export interface DecisionResult {
  readonly decisionId: string;
  readonly dossierCode: string;
  readonly phase: string;
  /** The ICO agendapunt made for a herbespreking, if any. */
  readonly followUpItemId?: string;
}

/**
 * The coordinator records what the table decided about one agendapunt. The dossier's lifecycle
 * (libs/domain) decides whether the decision is allowed and what the dossier becomes; here it is
 * stored with its consequences: the phase, the casusregie, a return to the ICO, the advice letter.
 */
@Injectable()
export class RecordDecisionUseCase {
  constructor(
    @Inject(AgendaService) private readonly agenda: AgendaService,
    @Inject(AgendaRepository) private readonly repo: AgendaRepository,
    @Inject(DossierRepository) private readonly dossiers: DossierRepository,
    @Inject(AuditRepository) private readonly audit: AuditRepository,
    @Inject(MailComposer) private readonly composer: MailComposer,
    @Inject(OutboxWriter) private readonly outbox: OutboxWriter,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(DossierChanged) private readonly dossierChanged: DossierChanged,
  ) {}

  async execute(
    actor: Actor & { coordinatorTables: readonly string[] | 'all' },
    itemId: string,
    body: unknown,
  ): Promise<DecisionResult> {
    const form = parseInput(DecisionSchema, body);
    const mails: QueuedMail[] = [];
    const result = await this.repo.transaction(async (tx) => {
      const now = this.clock.now();
      const item = await this.repo.item(itemId, tx);
      const allowed =
        item && (actor.coordinatorTables === 'all' || actor.coordinatorTables.includes(item.tableKey));
      const dossierRow = item && allowed ? await this.dossiers.stateOf(tx, item.dossierId) : undefined;
      if (!item || !dossierRow || dossierRow.regionId !== actor.regionId) {
        throw new AgendaRefusal('ITEM_NOT_FOUND', 'Agendapunt niet gevonden.', undefined, 'not_found');
      }
      const table = this.agenda.table(item.tableKey);
      const zone = table.timeZone;
      const session = (await this.repo.session(item.sessionId, tx))!;
      if (item.status === 'discussed') {
        throw new AgendaRefusal(
          'ALREADY_DECIDED',
          'Voor dit agendapunt is al een beslissing geregistreerd.',
          undefined,
          'conflict',
        );
      }
      if (item.status === 'withdrawn') {
        throw new AgendaRefusal('ITEM_WITHDRAWN', 'Dit agendapunt werd ingetrokken.', undefined, 'conflict');
      }
      const held = holdSession(session);
      if (!held.ok) {
        throw new AgendaRefusal(
          'SESSION_CANCELLED',
          'Deze zitting werd geannuleerd; het agendapunt schuift door.',
          undefined,
          'conflict',
        );
      }
      if (session.startsAt.getTime() > now.getTime()) {
        throw new AgendaRefusal(
          'SESSION_NOT_HELD',
          'Een beslissing kan pas vanaf het begin van de zitting worden geregistreerd.',
          undefined,
          'conflict',
        );
      }
      const decisionDate = DateTime.fromJSDate(session.startsAt, { zone }).toISODate()!;

      if (
        form.kind === 'met_casusregie' &&
        !(await this.repo.isCasusregisseur(tx, actor.regionId, form.casusregisseurId))
      ) {
        throw new InputError([
          { field: 'casusregisseurId', code: 'UNKNOWN', message: 'Kies een casusregisseur uit de lijst.' },
        ]);
      }
      const input = toDecisionInput(form, actor.personId, decisionDate);
      const outcome = applyDecision(toDossierState(dossierRow, zone), input, {
        decisionDate,
        tableKey: item.tableKey,
        itemType: item.itemType,
        noConsentReturnLimit: noConsentReturnLimitOf(this.agenda.region),
      });
      if (!outcome.ok) throw new AgendaRefusal(outcome.code, outcome.message, outcome.field, 'unprocessable');
      const next = outcome.next;

      await this.dossiers.update(tx, dossierRow.id, {
        phase: next.phase,
        casusregisseurId: next.casusregisseurId ?? null,
        casusregieStartDate: next.casusregieStartDate ? dateOnly(next.casusregieStartDate) : null,
        afrondingDate: next.afrondingDate ? dateOnly(next.afrondingDate) : null,
        afsluitingDate: next.afsluitingDate ? dateOnly(next.afsluitingDate) : null,
        noConsentReturns: next.noConsentReturns,
        ...(next.consent && !dossierRow.consentVerifiedAt
          ? {
              consentVerifiedAt: DateTime.fromISO(next.consent.verifiedOn, { zone }).toJSDate(),
              consentVerifiedById: next.consent.verifiedById,
            }
          : {}),
      });
      const decision = await this.dossiers.createDecision(tx, {
        agendaItemId: item.id,
        dossierId: dossierRow.id,
        tableKey: item.tableKey,
        kind: form.kind,
        adviceText: 'adviceText' in form ? (form.adviceText ?? null) : null,
        safetyPlanAdvice: form.kind === 'geen_ketenaanpak' ? form.safetyPlanAdvice : null,
        parketmeldingAdvies: form.kind === 'geen_ketenaanpak' ? form.parketmeldingAdvies : false,
        missingInformation: form.kind === 'herbespreking' ? form.missingInformation : null,
        casusregisseurId: form.kind === 'met_casusregie' ? form.casusregisseurId : null,
        startDate: form.kind === 'met_casusregie' ? dateOnly(form.startDate) : null,
        terugkomdatum: form.kind === 'pva_besproken' ? dateOnly(form.terugkomdatum) : null,
        decidedAt: now,
        decidedById: actor.personId,
      });
      await this.repo.updateItem(tx, item.id, { status: 'discussed' });
      if (held.ok) await this.repo.markHeld(tx, session.id, now, held);

      let followUpItemId: string | undefined;
      if (outcome.effects.some((e) => e.type === 'terug-naar-ico')) {
        followUpItemId = await this.returnToIco(tx, dossierRow.id, actor.personId, now);
      }
      if (form.kind === 'geen_ketenaanpak') {
        const aanmelder = dossierRow.aanmelderId
          ? await this.repo.personContact(tx, dossierRow.aanmelderId)
          : undefined;
        if (aanmelder) {
          const rendered = await this.composer.adviceLetter({
            recipient: { address: emailAddress(aanmelder.email), name: aanmelder.displayName },
            session: { table: label(table.name), start: DateTime.fromJSDate(session.startsAt, { zone }) },
            dossier: dossierCode(dossierRow.code),
            adviceText: form.adviceText,
            safetyPlanAdvice: form.safetyPlanAdvice,
          });
          mails.push(
            await this.outbox.write(tx, rendered, {
              key: `advice-letter|${decision.id}|${aanmelder.id}`,
              purpose: 'advice-letter',
              recipientEmail: aanmelder.email,
              recipientPersonId: aanmelder.id,
              sessionId: session.id,
              agendaItemId: item.id,
              dossierId: dossierRow.id,
            }),
          );
        }
      }
      await this.dossierChanged.dossierChanged(tx, dossierRow.id);
      await this.audit.append(
        {
          actorPersonId: actor.personId,
          action: 'decision.record',
          entityType: 'decision',
          entityId: decision.id,
          dossierId: dossierRow.id,
          outcome: 'allowed',
          route: actor.route,
          details: { code: dossierRow.code, kind: form.kind, agendaItemId: item.id, phase: next.phase },
        },
        now,
        tx,
      );
      return {
        decisionId: decision.id,
        dossierCode: dossierRow.code,
        phase: next.phase,
        ...(followUpItemId && { followUpItemId }),
      };
    });
    await this.outbox.enqueue(mails);
    return result;
  }

  /** Herbespreking: the dossier comes back on the next ICO whose deadline is still ahead. */
  private async returnToIco(
    tx: Transaction,
    dossierId: string,
    coordinatorId: string,
    now: Date,
  ): Promise<string> {
    const state = await this.agenda.lock(tx, 'ico');
    const placed = placeSubmission(state.table, now.getTime(), {
      calendar: state.calendar,
      itemType: 'herbespreking',
    });
    if (!placed.ok)
      throw new AgendaRefusal('NO_SESSION_IN_RANGE', 'Er is het komende jaar geen ICO gepland.');
    const row = await this.agenda.ensureRow(tx, state, placed.session);
    const item = await this.repo.createItem(tx, {
      sessionId: row.id,
      dossierId,
      tableKey: 'ico',
      itemType: 'herbespreking',
      durationMinutes: placed.itemType!.durationMinutes,
      position: 0,
      slotStart: null,
      slotEnd: null,
      submittedAt: now,
      submittedById: coordinatorId,
    });
    await this.agenda.reallocate(tx, state);
    return item.id;
  }
}

function toDecisionInput(form: DecisionFormInput, actorId: string, decisionDate: string): DecisionInput {
  switch (form.kind) {
    case 'met_casusregie':
      return {
        kind: 'met_casusregie',
        casusregisseurId: form.casusregisseurId,
        startDate: form.startDate,
        ...(form.consentVerified && {
          consent: {
            verifiedById: actorId,
            verifiedOn: form.consentVerifiedOn ?? decisionDate,
            adultFamilyMemberConsented: true,
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

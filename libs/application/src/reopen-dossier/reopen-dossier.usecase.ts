import { Inject, Injectable } from '@nestjs/common';
import { z } from 'zod';
import { APP_CONFIG, AppConfig, CLOCK, Clock } from '@overlegtafels/config';
import { REOPENING_REASON_MAX, reopenDossier, type RegionConfig } from '@overlegtafels/domain';
import { toDossierState } from '../agenda/dossier-state';
import type { Actor } from '../agenda/agenda-views';
import { AgendaRefusal } from '../errors';
import { parseInput } from '../input/parse-input';
import { scopedRegion } from '../region-time-zone';
import { AuditLog } from '../ports/audit-log.port';
import { DossierChanged } from '../ports/dossier-changed.port';
import { DossierReopenings } from '../ports/dossier-reopenings.port';
import { DossierRepository } from '../ports/dossier.repository.port';
import { Transaction, UnitOfWork } from '../ports/unit-of-work.port';
import { snapshotOf } from '../record-decision/decision-applier';
import { dossierAuditEntry, withinRegion } from '../region-fence/region-fence';
import { SubmittedOnce } from '../submissions/submitted-once';

/** The heropening as the form or the API sends it: the reason (the new incidents, no names). */
export const ReopenDossierSchema = z.object({
  reason: z
    .string({ error: 'Reden: beschrijf kort de nieuwe incidenten.' })
    .trim()
    .min(1, { error: 'Reden: beschrijf kort de nieuwe incidenten.' })
    .max(REOPENING_REASON_MAX, { error: `Reden: hoogstens ${REOPENING_REASON_MAX} tekens.` }),
});

export interface ReopenDossierCommand {
  /** A coordinator of the dossier's region. */
  readonly actor: Actor;
  readonly code: string;
  /** The body as sent: parsed (ReopenDossierSchema) once the dossier is found in the actor's region. */
  readonly body: unknown;
  /** The form's one-time key or the API's Idempotency-Key: the same again reopens nothing more. */
  readonly submissionKey?: string;
}

/** The ledger's scope of a heropening's one-time key. */
export const REOPENING_SCOPE = 'dossier-heropening';

export interface ReopenDossierResult {
  readonly code: string;
  readonly phase: string;
  readonly reopeningId: string;
  /** The key was used before: nothing was reopened, this is the first answer. */
  readonly repeated?: boolean;
}

/** What the earlier life's obligations still open at the heropening say (on the dossier's timeline). */
export const REOPENING_CANCEL_REASON =
  'Vervallen door de heropening van het dossier: het nieuwe traject plant zijn eigen opvolging.';

const NOT_FOUND = new AgendaRefusal('DOSSIER_NOT_FOUND', 'Dossier niet gevonden.', 'code', 'not_found');

/**
 * A coordinator reopens a closed dossier after new incidents, where the region's dossier life
 * declares it (Oost-Vlaanderen). In one transaction: the dossier goes back to the intake phase
 * with a fresh state, the heropening is kept with the state before it (the earlier decisions,
 * agendapunten and follow-up stay as they are), the obligations are re-planned for the new life
 * (DossierChanged: the dossier's next life, planned from what happens after the heropening; the
 * earlier life's obligations still open are cancelled, each with its audit event, the done ones
 * stay done), and the audit event names the phases, not the reason. Another region's
 * dossier is "not found" (and the attempt audited); a region without heropening refuses in Dutch.
 */
@Injectable()
export class ReopenDossierUseCase {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(DossierRepository) private readonly dossiers: DossierRepository,
    @Inject(DossierReopenings) private readonly reopenings: DossierReopenings,
    @Inject(DossierChanged) private readonly dossierChanged: DossierChanged,
    @Inject(AuditLog) private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'regions'>,
    @Inject(SubmittedOnce) private readonly once: SubmittedOnce,
  ) {}

  /** The region of the current work (the coordinator's): its dossier life says what reopens. */
  private get region(): RegionConfig {
    return scopedRegion(this.config);
  }

  /** Whether this region reopens dossiers at all, and from which phases (for the page's link). */
  reopensFrom(): readonly string[] {
    return this.region.dossierLife.reopening?.from ?? [];
  }

  /**
   * The heropening form's read: the dossier of the coordinator's region by its code (another
   * region's answers as an unknown code, audited), with whether its phase may be reopened.
   */
  async form(
    actor: ReopenDossierCommand['actor'],
    code: string,
  ): Promise<{ code: string; reopens: boolean }> {
    const seen = await withinRegion(
      this.audit,
      actor,
      await this.dossiers.byCode(undefined, code),
      (d) => ({
        action: 'dossier.heropening.form',
        entityType: 'dossier',
        entityId: d.id,
        dossierId: d.id,
        code,
      }),
      this.clock.now(),
    );
    if (!seen) throw NOT_FOUND;
    // Reading the dossier's code and phase for the form is a read of dossier data: audited too.
    await this.audit.append(
      dossierAuditEntry(actor, 'dossier.heropening.form', seen, 'allowed'),
      this.clock.now(),
    );
    return { code: seen.code, reopens: this.reopensFrom().includes(seen.phase) };
  }

  async execute({ actor, code, body, submissionKey }: ReopenDossierCommand): Promise<ReopenDossierResult> {
    const now = this.clock.now();
    // The fence before the transaction: its audit of another region's attempt is kept.
    const seen = await withinRegion(
      this.audit,
      actor,
      await this.dossiers.byCode(undefined, code),
      (d) => ({ action: 'dossier.heropening', entityType: 'dossier', entityId: d.id, dossierId: d.id, code }),
      now,
    );
    if (!seen) throw NOT_FOUND;
    const { reason } = parseInput(ReopenDossierSchema, body);
    return this.uow.run(async (tx) => {
      // A reload, a double click or a retried call with the same key: the first one's answer.
      const once = await this.once.run(
        tx,
        {
          actorPersonId: actor.personId,
          scope: REOPENING_SCOPE,
          key: submissionKey,
          content: { dossierId: seen.id, reason },
          at: now,
          resultIdOf: (r: ReopenDossierResult) => r.reopeningId,
        },
        () => this.reopenIn(tx, seen.id, reason, actor, now),
      );
      return once.repeated ? { ...once.result, repeated: true } : once.result;
    });
  }

  private async reopenIn(
    tx: Transaction,
    dossierId: string,
    reason: string,
    actor: ReopenDossierCommand['actor'],
    now: Date,
  ): Promise<ReopenDossierResult> {
    const zone = this.region.timeZone;
    const row = (await this.dossiers.byId(tx, dossierId))!;
    const outcome = reopenDossier(this.region.dossierLife, toDossierState(row, zone), { reason });
    if (!outcome.ok) {
      const kind = outcome.field ? 'unprocessable' : 'conflict';
      throw new AgendaRefusal(outcome.code, outcome.message, outcome.field, kind);
    }
    const reopening = await this.reopenings.reopen(tx, row.id, outcome.next, {
      fromPhase: row.phase,
      toPhase: outcome.next.phase,
      reason: reason.trim(),
      priorState: snapshotOf(row),
      reopenedById: actor.personId,
      reopenedAt: now,
    });
    if (!reopening) {
      throw new AgendaRefusal(
        'REOPENING_NOT_ALLOWED',
        'Dit dossier werd intussen al heropend.',
        undefined,
        'conflict',
      );
    }
    const replanned = await this.dossierChanged.dossierChanged(tx, row.id, {
      cancelReason: REOPENING_CANCEL_REASON,
    });
    for (const obligationId of replanned.cancelledObligationIds) {
      await this.audit.append(
        {
          actorPersonId: actor.personId,
          action: 'obligation.cancel',
          entityType: 'obligation',
          entityId: obligationId,
          dossierId: row.id,
          outcome: 'allowed',
          route: actor.route ?? null,
          details: { code: row.code, why: 'heropening', reopeningId: reopening.id },
        },
        now,
        tx,
      );
    }
    await this.audit.append(
      {
        actorPersonId: actor.personId,
        action: 'dossier.heropening',
        entityType: 'dossier',
        entityId: row.id,
        dossierId: row.id,
        outcome: 'allowed',
        route: actor.route ?? null,
        details: {
          code: row.code,
          from: row.phase,
          to: outcome.next.phase,
          reopeningId: reopening.id,
          cancelledObligations: replanned.cancelledObligationIds.length,
        },
      },
      now,
      tx,
    );
    return { code: row.code, phase: outcome.next.phase, reopeningId: reopening.id };
  }
}

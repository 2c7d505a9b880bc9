import { randomUUID } from 'node:crypto';
import { scopedRegion } from '../region-time-zone';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig, CLOCK, Clock } from '@overlegtafels/config';
import {
  EMPTY_PLAN,
  PlanContent,
  PlanProblem,
  planProblems,
  planProfileProblems,
  planRowProblems,
  PlanReferences,
  PlanRow,
  isInCasusregie,
  RegionConfig,
} from '@overlegtafels/domain';
import { auditRecorded } from '../agenda/casusregisseur-guard';
import { AgendaRefusal, InputError } from '../errors';
import { AuditLog } from '../ports/audit-log.port';
import { DossierRepository } from '../ports/dossier.repository.port';
import { OrganisationDirectory } from '../ports/organisation-directory.port';
import { PlanVanAanpakRepository } from '../ports/plan-van-aanpak.repository.port';
import { UnitOfWork } from '../ports/unit-of-work.port';
import { instrumentOf, planDossier, planReferences } from '../plan-van-aanpak/plan-dossier';
import { EditPlanVanAanpakCommand, MAX_PLAN_ROWS, PlanEdit } from './edit-plan-van-aanpak.command';
import { SubmittedOnce } from '../submissions/submitted-once';

export interface PlanDraftResult extends PlanContent {
  readonly dossierCode: string;
  /** The id of the row added or changed, for the page to point at. */
  readonly rowId?: string;
}

/**
 * The casusregisseur (or a coordinator for them) writes the draft of the dossier's plan van
 * aanpak (annex E) while casusregie runs: the IFG profiles, and rows that take over factors of the
 * region's kijkschema for the dossier's family members. What a table discusses is the version
 * frozen when the plan is agendered; the draft stays the working document.
 */
/** The ledger's scope of a plan van aanpak edit's one-time key. */
export const PLAN_EDIT_SCOPE = 'plan-van-aanpak';

@Injectable()
export class EditPlanVanAanpakUseCase {
  /** The region of the current work (the reader's): read at each use. */
  private get region(): RegionConfig {
    return scopedRegion(this.config);
  }

  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(DossierRepository) private readonly dossiers: DossierRepository,
    @Inject(PlanVanAanpakRepository) private readonly plans: PlanVanAanpakRepository,
    @Inject(OrganisationDirectory) private readonly organisations: OrganisationDirectory,
    @Inject(AuditLog) private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(SubmittedOnce) private readonly once: SubmittedOnce,
  ) {}

  async execute({
    actor,
    dossierCode,
    edit,
    submissionKey,
  }: EditPlanVanAanpakCommand): Promise<PlanDraftResult> {
    const now = this.clock.now();
    const instrument = instrumentOf(this.region);
    const dossier = await planDossier(
      this.dossiers,
      this.audit,
      actor,
      dossierCode,
      'plan-van-aanpak.edit',
      now,
    );
    if (!isInCasusregie(this.region.dossierLife, dossier.phase)) {
      throw new AgendaRefusal(
        'PLAN_NOT_EDITABLE',
        'Het plan van aanpak wordt opgemaakt en bijgewerkt zolang de casusregie loopt.',
        undefined,
        'conflict',
      );
    }
    // Outside the transaction: the waiting repeats hold their connections (see planReferences).
    const organisations = await this.organisations.list(dossier.regionId);
    return this.uow.run(async (tx) => {
      // A double click on a form with the same key (e.g. "add a row"): the first change only.
      const once = await this.once.run(
        tx,
        {
          actorPersonId: actor.personId,
          scope: PLAN_EDIT_SCOPE,
          key: submissionKey,
          content: { dossierCode, edit },
          at: now,
        },
        async (): Promise<PlanDraftResult> => {
          const draft = (await this.plans.draftOf(tx, dossier.id)) ?? EMPTY_PLAN;
          const refs = await planReferences(this.plans, organisations, instrument, dossier, tx);
          const { plan, rowId } = applyEdit(draft, edit, refs);
          await this.plans.saveDraft(tx, dossier.id, plan, { personId: actor.personId, at: now });
          // What was typed stays in the plan: the log keeps what kind of change and the counts.
          await auditRecorded(
            this.audit,
            actor,
            dossier,
            'plan-van-aanpak.edit',
            {
              change: edit.kind,
              rows: plan.rows.length,
              profiles: plan.profiles.length,
              rowId: rowId ?? null,
            },
            now,
            tx,
          );
          return { dossierCode: dossier.code, ...plan, ...(rowId && { rowId }) };
        },
      );
      return once.result;
    });
  }
}

function refuse(problems: readonly PlanProblem[]): never {
  throw new InputError(problems.map((p) => ({ field: p.field, code: p.code, message: p.message })));
}

function rowIndex(draft: PlanContent, rowId: string): number {
  const at = draft.rows.findIndex((r) => r.id === rowId);
  if (at < 0)
    throw new AgendaRefusal('ROW_NOT_FOUND', 'Deze rij staat niet (meer) in het plan.', 'rowId', 'not_found');
  return at;
}

/** The draft after one change, checked against what its rows may refer to. */
function applyEdit(
  draft: PlanContent,
  edit: PlanEdit,
  refs: PlanReferences,
): { plan: PlanContent; rowId?: string } {
  switch (edit.kind) {
    case 'profiles': {
      const problems = planProfileProblems(edit.profiles, refs.instrument);
      if (problems.length > 0) refuse(problems);
      return { plan: { ...draft, profiles: [...new Set(edit.profiles)] } };
    }
    case 'add-row': {
      if (draft.rows.length >= MAX_PLAN_ROWS)
        throw new AgendaRefusal('TOO_MANY_ROWS', `Een plan telt hoogstens ${MAX_PLAN_ROWS} rijen.`);
      const problems = planRowProblems(edit.row, refs);
      if (problems.length > 0) refuse(problems);
      const row: PlanRow = { id: randomUUID(), ...edit.row };
      return { plan: { ...draft, rows: [...draft.rows, row] }, rowId: row.id };
    }
    case 'edit-row': {
      const at = rowIndex(draft, edit.rowId);
      const problems = planRowProblems(edit.row, refs);
      if (problems.length > 0) refuse(problems);
      const rows = draft.rows.map((r, i) => (i === at ? { id: r.id, ...edit.row } : r));
      return { plan: { ...draft, rows }, rowId: edit.rowId };
    }
    case 'remove-row': {
      const at = rowIndex(draft, edit.rowId);
      return { plan: { ...draft, rows: draft.rows.filter((_, i) => i !== at) } };
    }
    case 'replace': {
      // Ids the draft does not know are new rows: nobody names another plan's rows.
      const known = new Set(draft.rows.map((r) => r.id));
      const seen = new Set<string>();
      const rows: PlanRow[] = edit.plan.rows.map(({ id, ...row }) => {
        const keep = id && known.has(id) && !seen.has(id) ? id : randomUUID();
        seen.add(keep);
        return { id: keep, ...row };
      });
      const plan = { profiles: [...new Set(edit.plan.profiles)], rows };
      const problems = planProblems(plan, refs);
      if (problems.length > 0) refuse(problems);
      return { plan };
    }
  }
}

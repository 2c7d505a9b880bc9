import { z } from 'zod';
import {
  AgenderingBrief,
  isWrittenPlan,
  ItemTypeDefinition,
  nextVersionNumber,
  RiskInstrument,
} from '@overlegtafels/domain';
import { InputError } from '../errors';
import { parseInput } from '../input/parse-input';
import type { PlanDraftRecord, PlanVanAanpakRepository } from '../ports/plan-van-aanpak.repository.port';
import type { Transaction } from '../ports/unit-of-work.port';
import { AgenderingInput, BRIEF_SCHEMAS } from './submit-agendering.command';

/**
 * The answers of the leidraad bij agendering this item type asks, checked by its schema (errors
 * named `brief.<field>`) and the domains against the region's instrument; none for a type that
 * asks nothing (an ICO item, an afsluiting).
 */
export function agenderingBriefOf(
  itemType: ItemTypeDefinition,
  input: AgenderingInput['brief'],
  instrument: RiskInstrument | undefined,
): AgenderingBrief | undefined {
  const kind = itemType.agenderingBrief;
  if (!kind) return undefined;
  const { brief } = parseInput(z.object({ brief: BRIEF_SCHEMAS[kind] }), { brief: input ?? {} });
  const known = new Set(instrument?.domains.map((d) => d.key) ?? []);
  if (brief.domains.some((d) => !known.has(d))) {
    throw new InputError([
      { field: 'brief.domains', code: 'UNKNOWN', message: 'Kies domeinen uit de lijst.' },
    ]);
  }
  return { kind, ...brief, domains: [...new Set(brief.domains)] };
}

/**
 * The written plan this item brings: required for a plan van aanpak at the Weegploeg (the upload
 * is an attachment now, not the plan), taken along when there is one for an item that may bring it.
 */
export async function planToFreeze(
  plans: PlanVanAanpakRepository,
  tx: Transaction,
  dossierId: string,
  itemType: ItemTypeDefinition,
): Promise<PlanDraftRecord | undefined> {
  if (!itemType.planVanAanpak) return undefined;
  const draft = await plans.draftOf(tx, dossierId);
  if (isWrittenPlan(draft)) return draft;
  if (itemType.planVanAanpak === 'required') {
    throw new InputError([
      {
        field: 'planVanAanpak',
        code: 'REQUIRED',
        message:
          'Schrijf eerst het plan van aanpak van dit dossier (minstens één rij); een bijlage vervangt het plan niet.',
      },
    ]);
  }
  return undefined;
}

/** Freezes the draft as the next numbered version, the one this agenda item's table discusses. */
export async function freezePlanVersion(
  plans: PlanVanAanpakRepository,
  tx: Transaction,
  draft: PlanDraftRecord,
  item: { dossierId: string; agendaItemId: string; tableKey: string; by: string; at: Date },
): Promise<number> {
  const number = nextVersionNumber(await plans.versionsOf(tx, item.dossierId));
  await plans.freezeVersion(tx, {
    dossierId: item.dossierId,
    number,
    profiles: draft.profiles,
    rows: draft.rows,
    agendaItemId: item.agendaItemId,
    tableKey: item.tableKey,
    frozenAt: item.at,
    frozenById: item.by,
  });
  return number;
}

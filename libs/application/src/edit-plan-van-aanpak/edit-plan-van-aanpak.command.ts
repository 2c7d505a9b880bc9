import { z } from 'zod';
import { blankToUndefined, LONG, optionalText, SHORT, uuid } from '../input/input-fields';
import type { CasusregisseurActor } from '../agenda/casusregisseur-guard';

/** Form fields that may come once (a string) or repeated (an array); JSON sends arrays. */
const toArray = (v: unknown) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]);

const MAX_ROWS = 60;

const key = (message: string) =>
  z.string({ error: message }).trim().min(1, { error: message }).max(80, { error: message });

/**
 * One row of the plan as typed: the domain and the factor of the instrument, bij wie (family
 * members by id; none yet while it is unclear whom a factor concerns, or when the dossier names
 * no family members), the four texts, and the begeleiding as an organisation of the region or the
 * name of an outside service — one of the two or none.
 */
export const PlanRowSchema = z
  .object({
    domainKey: key('Kies een domein.'),
    factorKey: key('Kies een risico- of beschermende factor.'),
    bijWie: z.preprocess(
      toArray,
      z
        .array(uuid('Bij wie'), { error: 'Kies bij wie de factor speelt.' })
        .max(12, { error: 'Hoogstens 12 gezinsleden per rij.' }),
    ),
    noden: optionalText('Noden', LONG),
    aanpakOpMaat: optionalText('Aanpak op maat', LONG),
    actie: optionalText('Actie', LONG),
    begeleidingOrganisationId: z.preprocess(blankToUndefined, uuid('Begeleiding').optional()),
    begeleidingText: optionalText('Andere dienst', SHORT),
    standVanZaken: optionalText('Stand van zaken', LONG),
  })
  .superRefine((v, ctx) => {
    if (v.begeleidingOrganisationId && v.begeleidingText) {
      ctx.addIssue({
        code: 'custom',
        path: ['begeleidingText'],
        message: 'Kies een organisatie of vul een andere dienst in, niet allebei.',
      });
    }
  })
  .transform((v) => ({
    domainKey: v.domainKey,
    factorKey: v.factorKey,
    bijWie: [...new Set(v.bijWie)],
    noden: v.noden ?? '',
    aanpakOpMaat: v.aanpakOpMaat ?? '',
    actie: v.actie ?? '',
    begeleiding: v.begeleidingOrganisationId
      ? { organisationId: v.begeleidingOrganisationId }
      : v.begeleidingText
        ? { text: v.begeleidingText }
        : null,
    standVanZaken: v.standVanZaken ?? '',
  }));
export type PlanRowInput = z.output<typeof PlanRowSchema>;

/** The IFG profiles that apply: several may ("ze sluiten elkaar niet uit"), or none yet. */
export const PlanProfilesSchema = z.object({
  profiles: z.preprocess(
    toArray,
    z.array(z.string().trim().max(60), { error: 'Kies IFG-profielen uit de lijst.' }).max(10),
  ),
});

/** The whole plan at once (the API's PUT): rows keep their id; a row without one is new. */
export const PlanSchema = z.object({
  profiles: PlanProfilesSchema.shape.profiles,
  rows: z
    .array(z.object({ id: uuid('Rij').optional() }).passthrough(), { error: 'Geef de rijen als lijst.' })
    .max(MAX_ROWS, { error: `Hoogstens ${MAX_ROWS} rijen.` })
    .transform((rows, ctx) =>
      rows.map((row, i) => {
        const parsed = PlanRowSchema.safeParse(row);
        if (!parsed.success) {
          for (const issue of parsed.error.issues) {
            ctx.addIssue({ code: 'custom', path: [i, ...issue.path], message: issue.message });
          }
          return { id: row.id, ...({} as PlanRowInput) };
        }
        return { id: row.id, ...parsed.data };
      }),
    ),
});
export type PlanInput = z.output<typeof PlanSchema>;

/** One change to the draft: what one form of the editor page sends, or the whole plan by the API. */
export type PlanEdit =
  | { readonly kind: 'profiles'; readonly profiles: readonly string[] }
  | { readonly kind: 'add-row'; readonly row: PlanRowInput }
  | { readonly kind: 'edit-row'; readonly rowId: string; readonly row: PlanRowInput }
  | { readonly kind: 'remove-row'; readonly rowId: string }
  | { readonly kind: 'replace'; readonly plan: PlanInput };

export interface EditPlanVanAanpakCommand {
  readonly actor: CasusregisseurActor;
  readonly dossierCode: string;
  readonly edit: PlanEdit;
  /** The form's one-time key: the same again (a double click on "add a row") changes nothing more. */
  readonly submissionKey?: string;
}

export { MAX_ROWS as MAX_PLAN_ROWS };

import { ORGANISATION_KINDS, OrganisationKind } from '../organisation/organisation-kind';
import { DossierRefusal, refuse } from './dossier-outcome.model';

/**
 * Guide I.I: without an available casusregisseur, "de aanmelder (indien politie, parket of
 * gezinsgerichte hulpverlening) krijgt de mogelijkheid om in te stromen in de ketenaanpak". The
 * region lists the organisation kinds that counts for (RegionConfig.zonderCasusregisseurAanmelders);
 * an aanmelder of another kind, or of an organisation that is not known, cannot go on alone.
 */
export function checkZonderCasusregisseur(
  allowed: readonly OrganisationKind[] | undefined,
  aanmelderKind: OrganisationKind | null | undefined,
): { readonly ok: true } | DossierRefusal {
  if (allowed === undefined) return { ok: true };
  if (aanmelderKind && allowed.includes(aanmelderKind)) return { ok: true };
  const who = aanmelderKind
    ? `deze aanmelder is van ${ORGANISATION_KINDS[aanmelderKind]}`
    : 'de organisatie van deze aanmelder is niet gekend';
  return refuse(
    'AANMELDER_NOT_ELIGIBLE',
    `Een ketenaanpak zonder casusregisseur kan alleen met ${kindList(allowed)}, die zelf aan de ` +
      `slag gaat (CO3-gids I.I); ${who}. Kies een andere beslissing.`,
    'kind',
  );
}

/** "Politie, Parket of CAW": the kinds the way a Dutch sentence lists them. */
function kindList(kinds: readonly OrganisationKind[]): string {
  const names = kinds.map((k) => ORGANISATION_KINDS[k]);
  if (names.length === 0) return 'voor geen enkele aanmelder';
  if (names.length === 1) return `een aanmelder van ${names[0]}`;
  return `een aanmelder van ${names.slice(0, -1).join(', ')} of ${names[names.length - 1]}`;
}

import {
  organisationKindLabel,
  OrganisationKind,
  OrganisationKinds,
} from '../organisation/organisation-kind';
import { DossierRefusal, refuse } from './dossier-outcome.model';

/**
 * Guide I.I: without an available casusregisseur, "de aanmelder (indien politie, parket of
 * gezinsgerichte hulpverlening) krijgt de mogelijkheid om in te stromen in de ketenaanpak". The
 * region lists the organisation kinds that counts for (RegionConfig.zonderCasusregisseurAanmelders);
 * an aanmelder of another kind, or of an organisation that is not known, cannot go on alone.
 * `kinds` names the region's organisation kinds in the message.
 */
export function checkZonderCasusregisseur(
  allowed: readonly OrganisationKind[] | undefined,
  aanmelderKind: OrganisationKind | null | undefined,
  kinds?: OrganisationKinds,
): { readonly ok: true } | DossierRefusal {
  if (allowed === undefined) return { ok: true };
  if (aanmelderKind && allowed.includes(aanmelderKind)) return { ok: true };
  const who = aanmelderKind
    ? `deze aanmelder is van ${organisationKindLabel(kinds, aanmelderKind)}`
    : 'de organisatie van deze aanmelder is niet gekend';
  return refuse(
    'AANMELDER_NOT_ELIGIBLE',
    `Een ketenaanpak zonder casusregisseur kan alleen met ${kindList(allowed, kinds)}, die zelf aan de ` +
      `slag gaat (CO3-gids I.I); ${who}. Kies een andere beslissing.`,
    'kind',
  );
}

/** "Politie, Parket of CAW": the kinds the way a Dutch sentence lists them. */
function kindList(allowed: readonly OrganisationKind[], kinds: OrganisationKinds | undefined): string {
  const names = allowed.map((k) => organisationKindLabel(kinds, k));
  if (names.length === 0) return 'voor geen enkele aanmelder';
  if (names.length === 1) return `een aanmelder van ${names[0]}`;
  return `een aanmelder van ${names.slice(0, -1).join(', ')} of ${names[names.length - 1]}`;
}

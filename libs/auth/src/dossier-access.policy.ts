import { hasRole, Principal } from './principal';

export interface DossierAccessFacts {
  regionId: string;
  casusregisseurId: string | null;
  aanmelderId: string | null;
}

export type DossierAccess = 'full' | 'none';

/**
 * Need-to-know (art. 458ter Sw.): the coordinators of a region's tables see its dossiers; a
 * casusregisseur sees the dossiers they direct; an aanmelder sees the dossiers they referred.
 * Members of a table see agendas (codes, times, types), never dossier contents — that is decided
 * per agenda item, not here. Nobody sees another region's dossiers.
 */
export function dossierAccess(p: Principal, d: DossierAccessFacts): DossierAccess {
  if (p.regionId !== d.regionId) return 'none';
  if (hasRole(p, 'coordinator')) return 'full';
  if (d.casusregisseurId !== null && d.casusregisseurId === p.personId && hasRole(p, 'casusregisseur'))
    return 'full';
  if (d.aanmelderId !== null && d.aanmelderId === p.personId) return 'full';
  return 'none';
}

/** The same rule as a query filter, so lists and single reads can never disagree. */
export function dossierScope(p: Principal): {
  regionId: string;
  anyOf?: { casusregisseurId?: string; aanmelderId?: string }[];
} {
  if (hasRole(p, 'coordinator')) return { regionId: p.regionId };
  const anyOf: { casusregisseurId?: string; aanmelderId?: string }[] = [{ aanmelderId: p.personId }];
  if (hasRole(p, 'casusregisseur')) anyOf.push({ casusregisseurId: p.personId });
  return { regionId: p.regionId, anyOf };
}

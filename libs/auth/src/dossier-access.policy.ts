import { hasRole, Principal } from './principal';

export interface DossierAccessFacts {
  regionId: string;
  casusregisseurId: string | null;
  aanmelderId: string | null;
  /** Only the closed ones are the strategic coordinators' (their last check). */
  phase: string;
}

export type DossierAccess = 'full' | 'none';

/**
 * Need-to-know (art. 458ter Sw.): the coordinators of a region's tables see its dossiers; a
 * casusregisseur sees the dossiers they direct now (not those they handed over); an aanmelder
 * sees the dossiers they referred; the strategic coordinators see the closed dossiers, which they
 * check a last time (guide V.D). Members of a table see agendas (codes, times, types), never
 * dossier contents — that is decided per agenda item, not here. Nobody sees another region's
 * dossiers.
 */
export function dossierAccess(p: Principal, d: DossierAccessFacts): DossierAccess {
  if (p.regionId !== d.regionId) return 'none';
  if (hasRole(p, 'coordinator')) return 'full';
  if (d.phase === 'afgesloten' && hasRole(p, 'strategisch-coordinator')) return 'full';
  if (d.casusregisseurId !== null && d.casusregisseurId === p.personId && hasRole(p, 'casusregisseur'))
    return 'full';
  if (d.aanmelderId !== null && d.aanmelderId === p.personId) return 'full';
  return 'none';
}

/** The same rule as a query filter, so lists and single reads can never disagree. */
export function dossierScope(p: Principal): {
  regionId: string;
  anyOf?: { casusregisseurId?: string; aanmelderId?: string; phase?: 'afgesloten' }[];
} {
  if (hasRole(p, 'coordinator')) return { regionId: p.regionId };
  const anyOf: { casusregisseurId?: string; aanmelderId?: string; phase?: 'afgesloten' }[] = [
    { aanmelderId: p.personId },
  ];
  if (hasRole(p, 'casusregisseur')) anyOf.push({ casusregisseurId: p.personId });
  if (hasRole(p, 'strategisch-coordinator')) anyOf.push({ phase: 'afgesloten' });
  return { regionId: p.regionId, anyOf };
}

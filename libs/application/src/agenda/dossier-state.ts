import { DateTime } from 'luxon';
import { DossierPhase, DossierState } from '@overlegtafels/domain';

export interface DossierStateRow {
  phase: string;
  casusregisseurId: string | null;
  aanmelderId: string | null;
  casusregieStartDate: Date | null;
  afrondingDate: Date | null;
  afsluitingDate: Date | null;
  consentVerifiedAt: Date | null;
  consentVerifiedById: string | null;
  noConsentReturns: number;
}

/** DATE columns come back as UTC midnight: their ISO day is the stored local date. */
export const ymd = (d: Date | null | undefined): string | undefined =>
  d ? d.toISOString().slice(0, 10) : undefined;

/** A date-only value for a DATE column. */
export const dateOnly = (ymdString: string): Date => new Date(`${ymdString}T00:00:00.000Z`);

export function toDossierState(row: DossierStateRow, zone: string): DossierState {
  return {
    phase: row.phase as DossierPhase,
    ...(row.casusregisseurId && { casusregisseurId: row.casusregisseurId }),
    ...(row.casusregieStartDate && { casusregieStartDate: ymd(row.casusregieStartDate) }),
    ...(row.afrondingDate && { afrondingDate: ymd(row.afrondingDate) }),
    ...(row.afsluitingDate && { afsluitingDate: ymd(row.afsluitingDate) }),
    ...(row.consentVerifiedAt &&
      row.consentVerifiedById && {
        consent: {
          verifiedById: row.consentVerifiedById,
          verifiedOn: DateTime.fromJSDate(row.consentVerifiedAt, { zone }).toISODate()!,
        },
      }),
    noConsentReturns: row.noConsentReturns,
  };
}

/** Who may put a dossier on an agenda: its casusregisseur, or while it has none, its aanmelder. */
export function dossierOwnerId(
  row: Pick<DossierStateRow, 'casusregisseurId' | 'aanmelderId'>,
): string | null {
  return row.casusregisseurId ?? row.aanmelderId;
}

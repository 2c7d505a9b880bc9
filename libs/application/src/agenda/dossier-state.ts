import { DateTime } from 'luxon';
import { DossierState } from '@overlegtafels/domain';
import type { DossierRecord } from '../ports/dossier.repository.port';

/** DATE columns come back as UTC midnight: their ISO day is the stored local date. */
export const ymd = (d: Date | null | undefined): string | undefined =>
  d ? d.toISOString().slice(0, 10) : undefined;

/** A date-only value for a DATE column. */
export const dateOnly = (ymdString: string): Date => new Date(`${ymdString}T00:00:00.000Z`);

/** The domain's view of a stored dossier (the consent's day in the region's zone). */
export function toDossierState(row: DossierRecord, zone: string): DossierState {
  return {
    phase: row.phase,
    ...(row.casusregisseurId && { casusregisseurId: row.casusregisseurId }),
    ...(row.casusregiePlannedStartDate && { casusregiePlannedStartDate: row.casusregiePlannedStartDate }),
    ...(row.casusregieStartDate && { casusregieStartDate: row.casusregieStartDate }),
    ...(row.afrondingDate && { afrondingDate: row.afrondingDate }),
    ...(row.afsluitingDate && { afsluitingDate: row.afsluitingDate }),
    ...(row.consentVerifiedAt &&
      row.consentVerifiedById && {
        consent: {
          verifiedById: row.consentVerifiedById,
          verifiedOn: DateTime.fromJSDate(row.consentVerifiedAt, { zone }).toISODate()!,
          ...(row.consentGivenBy && { givenBy: row.consentGivenBy }),
        },
      }),
    noConsentReturns: row.noConsentReturns,
    ...(row.consulentInvolved && { consulentInvolved: true }),
    ...(row.consulentConsultedOn && { consulentConsultedOn: row.consulentConsultedOn }),
    ...(row.traject && { traject: row.traject }),
  };
}

/** Who may put a dossier on an agenda: its casusregisseur, or while it has none, its aanmelder. */
export function dossierOwnerId(row: Pick<DossierRecord, 'casusregisseurId' | 'aanmelderId'>): string | null {
  return row.casusregisseurId ?? row.aanmelderId;
}

import { DateTime } from 'luxon';
import type { TimelineEntry } from './dossier-timeline';

/** What the casusregisseur recorded on the dossier (guide III.B, annex B), as its page reads it. */
export interface CasusregieCheckFacts {
  readonly consentVerifiedAt?: Date | null;
  readonly consentGivenBy?: string | null;
  readonly consentVerifiedBy?: { displayName: string } | null;
  /** After the ICO no adult family member consented (DATE column), by whom, what was tried. */
  readonly noConsentEstablishedOn?: Date | null;
  readonly noConsentRecordedBy?: { displayName: string } | null;
  readonly noConsentNote?: string | null;
  /** DATE columns (UTC midnight). */
  readonly casusregieStartDate?: Date | null;
  readonly consulentConsultedOn?: Date | null;
  readonly consulentConsultationNote?: string | null;
  readonly consulentConsultedBy?: { displayName: string } | null;
  readonly childHearings?: readonly {
    label: string;
    heardOn: Date | null;
    notHeardReason: string | null;
    recordedAt: Date;
    recordedBy: { displayName: string };
  }[];
}

const ymd = (d: Date) => d.toISOString().slice(0, 10);

/** The consent, each child over 12 and the consultation of the consulent, as timeline entries. */
export function casusregieCheckEntries(facts: CasusregieCheckFacts, zone: string): TimelineEntry[] {
  const dutch = (day: string) => DateTime.fromISO(day, { zone }).toFormat('d LLLL yyyy', { locale: 'nl-BE' });
  /** A recorded day, placed at its local midnight. */
  const onDay = (d: Date) => DateTime.fromISO(ymd(d), { zone }).toUTC().toISO()!;
  const entries: TimelineEntry[] = [];
  if (facts.consentVerifiedAt) {
    entries.push({
      at: facts.consentVerifiedAt.toISOString(),
      kind: 'casusregie',
      title: 'Instemming van een volwassen gezinslid geregistreerd',
      detail:
        [
          facts.consentGivenBy ? `gegeven door: ${facts.consentGivenBy}` : undefined,
          facts.consentVerifiedBy ? `nagegaan door ${facts.consentVerifiedBy.displayName}` : undefined,
          facts.casusregieStartDate
            ? `casusregie gestart op ${dutch(ymd(facts.casusregieStartDate))}`
            : undefined,
        ]
          .filter(Boolean)
          .join(', ') || undefined,
      planned: false,
    });
  }
  if (facts.noConsentEstablishedOn) {
    entries.push({
      at: onDay(facts.noConsentEstablishedOn),
      kind: 'casusregie',
      title: 'Geen instemming: de casusregie start niet',
      detail:
        [
          facts.noConsentNote,
          facts.noConsentRecordedBy && `vastgesteld door ${facts.noConsentRecordedBy.displayName}`,
        ]
          .filter(Boolean)
          .join(' – ') || undefined,
      planned: false,
    });
  }
  for (const child of facts.childHearings ?? []) {
    entries.push({
      at: child.recordedAt.toISOString(),
      kind: 'casusregie',
      title: child.heardOn ? `Kind gehoord: ${child.label}` : `Kind niet gehoord: ${child.label}`,
      detail: child.heardOn
        ? `gesprek op ${dutch(ymd(child.heardOn))}, geregistreerd door ${child.recordedBy.displayName}`
        : `${child.notHeardReason ?? ''} (geregistreerd door ${child.recordedBy.displayName})`,
      planned: false,
    });
  }
  if (facts.consulentConsultedOn) {
    entries.push({
      at: onDay(facts.consulentConsultedOn),
      kind: 'casusregie',
      title: 'Consulent geconsulteerd over de afronding',
      detail:
        [
          facts.consulentConsultationNote,
          facts.consulentConsultedBy && `door ${facts.consulentConsultedBy.displayName}`,
        ]
          .filter(Boolean)
          .join(' – ') || undefined,
      planned: false,
    });
  }
  return entries;
}

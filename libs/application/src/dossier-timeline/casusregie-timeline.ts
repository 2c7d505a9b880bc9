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

type Child = NonNullable<CasusregieCheckFacts['childHearings']>[number];

const dutch = (day: string, zone: string) =>
  DateTime.fromISO(day, { zone }).toFormat('d LLLL yyyy', { locale: 'nl-BE' });
/** A recorded day, placed at its local midnight. */
const onDay = (d: Date, zone: string) => DateTime.fromISO(ymd(d), { zone }).toUTC().toISO()!;

/** The consent of an adult family member (with consentVerifiedAt set). */
export function consentEntry(
  facts: CasusregieCheckFacts & { consentVerifiedAt: Date },
  zone: string,
): TimelineEntry {
  return {
    at: facts.consentVerifiedAt.toISOString(),
    kind: 'casusregie',
    title: 'Instemming van een volwassen gezinslid geregistreerd',
    detail:
      [
        facts.consentGivenBy ? `gegeven door: ${facts.consentGivenBy}` : undefined,
        facts.consentVerifiedBy ? `nagegaan door ${facts.consentVerifiedBy.displayName}` : undefined,
        facts.casusregieStartDate
          ? `casusregie gestart op ${dutch(ymd(facts.casusregieStartDate), zone)}`
          : undefined,
      ]
        .filter(Boolean)
        .join(', ') || undefined,
    planned: false,
  };
}

/** That no adult family member consents (with noConsentEstablishedOn set). */
export function noConsentEntry(
  facts: CasusregieCheckFacts & { noConsentEstablishedOn: Date },
  zone: string,
): TimelineEntry {
  return {
    at: onDay(facts.noConsentEstablishedOn, zone),
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
  };
}

export function childEntry(child: Child, zone: string): TimelineEntry {
  return {
    at: child.recordedAt.toISOString(),
    kind: 'casusregie',
    title: child.heardOn ? `Kind gehoord: ${child.label}` : `Kind niet gehoord: ${child.label}`,
    detail: child.heardOn
      ? `gesprek op ${dutch(ymd(child.heardOn), zone)}, geregistreerd door ${child.recordedBy.displayName}`
      : `${child.notHeardReason ?? ''} (geregistreerd door ${child.recordedBy.displayName})`,
    planned: false,
  };
}

/** The consultation of the consulent about the afronding (with consulentConsultedOn set). */
export function consultationEntry(
  facts: CasusregieCheckFacts & { consulentConsultedOn: Date },
  zone: string,
): TimelineEntry {
  return {
    at: onDay(facts.consulentConsultedOn, zone),
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
  };
}

/** The consent, each child over 12 and the consultation of the consulent, as timeline entries. */
export function casusregieCheckEntries(facts: CasusregieCheckFacts, zone: string): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  const { consentVerifiedAt, noConsentEstablishedOn, consulentConsultedOn } = facts;
  if (consentVerifiedAt) entries.push(consentEntry({ ...facts, consentVerifiedAt }, zone));
  if (noConsentEstablishedOn) entries.push(noConsentEntry({ ...facts, noConsentEstablishedOn }, zone));
  for (const child of facts.childHearings ?? []) entries.push(childEntry(child, zone));
  if (consulentConsultedOn) entries.push(consultationEntry({ ...facts, consulentConsultedOn }, zone));
  return entries;
}

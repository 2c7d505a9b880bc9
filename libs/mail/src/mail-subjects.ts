import { DateTime } from 'luxon';
import { dutchShortDate, dutchTimeRange, assertInterval } from './brussels-time';
import { DossierCode, Label, WebLink, assertHeaderSafe } from './mail-values';

/**
 * Everything that leaves the mailbox's protection: mail subjects (shown in notifications, on lock
 * screens, in mail server logs) and calendar texts (copied into shared and delegated calendars).
 * These builders take only brands — table, region and item-type labels, dossier codes, dates —
 * so a name or a question text cannot be passed, not even by mistake.
 */
declare const brand: unique symbol;
export type MailSubject = string & { readonly [brand]: 'MailSubject' };
export type IcsSummary = string & { readonly [brand]: 'IcsSummary' };
export type IcsDescription = string & { readonly [brand]: 'IcsDescription' };

/** The fixed words a subject may start with. */
export type SubjectPrefix =
  | 'Gewijzigd'
  | 'Uitnodiging'
  | 'Aanmelding ontvangen'
  | 'Bevestigd'
  | 'Verplaatst'
  | 'Geannuleerd'
  | 'Agendering ontvangen'
  | 'Advies'
  | 'Beslissing'
  | 'Casusregie'
  | 'Herinnering'
  | 'Termijn verstreken'
  | 'Inloglink'
  | 'Testbericht'
  | 'Casusregie'
  | 'Vervolghulp'
  | 'Geen instemming'
  | 'Verslag'
  | 'Voorbereiding'
  | 'Lege agenda'
  | 'Beslissing ingetrokken'
  | 'Beslissing gewijzigd'
  | 'Nieuwe versie';

export interface SessionTitle {
  readonly table: Label;
  /** Any instant on the session's day; shown as its Brussels date. */
  readonly date: DateTime;
}

export interface DossierTitle {
  readonly dossier: DossierCode;
  readonly itemType?: Label;
}

/** "Plan van aanpak" reads as "plan van aanpak" mid-sentence; acronyms ("ICO") stay as they are. */
export function midSentence(value: Label): string {
  return /^\p{Lu}\p{Ll}/u.test(value) ? value.charAt(0).toLowerCase() + value.slice(1) : value;
}

function session(s: SessionTitle): string {
  return `${s.table} ${dutchShortDate(s.date)}`;
}

function dossier(d: DossierTitle): string {
  return d.itemType ? `${d.dossier}, ${midSentence(d.itemType)}` : d.dossier;
}

function subject(prefix: SubjectPrefix | undefined, parts: string[], region: Label): MailSubject {
  const body = [...parts, region].join(' – ');
  return assertHeaderSafe(prefix ? `${prefix}: ${body}` : body, 'subject') as MailSubject;
}

/** "Weegploeg 1 december 2026 – CO3 Antwerpen", or with a prefix ("Geannuleerd: …"). */
export function sessionSubject(s: SessionTitle, region: Label, prefix?: SubjectPrefix): MailSubject {
  return subject(prefix, [session(s)], region);
}

/** "Verplaatst: CO3-2026-0042, plan van aanpak – Weegploeg 8 december 2026 – CO3 Antwerpen" */
export function dossierSessionSubject(
  prefix: SubjectPrefix,
  d: DossierTitle,
  s: SessionTitle,
  region: Label,
): MailSubject {
  return subject(prefix, [dossier(d), session(s)], region);
}

/** "Herinnering: CO3-2026-0042, plan van aanpak – uiterlijk 1 december 2026 – CO3 Antwerpen" */
export function dossierDueSubject(
  prefix: SubjectPrefix,
  d: DossierTitle,
  due: DateTime,
  region: Label,
): MailSubject {
  return subject(prefix, [dossier(d), `uiterlijk ${dutchShortDate(due)}`], region);
}

/** "Casusregie: CO3-2026-0042 – CO3 Antwerpen": about a dossier, not a session or a date. */
export function dossierSubject(prefix: SubjectPrefix, d: DossierTitle, region: Label): MailSubject {
  return subject(prefix, [dossier(d)], region);
}

/** "Inloglink – CO3 Antwerpen" */
export function plainSubject(prefix: SubjectPrefix, region: Label): MailSubject {
  return assertHeaderSafe(`${prefix} – ${region}`, 'subject') as MailSubject;
}

/** Calendar title of a whole session: "Weegploeg – CO3 Antwerpen". */
export function sessionSummary(table: Label, region: Label): IcsSummary {
  return `${table} – ${region}` as IcsSummary;
}

/** Calendar title of one guest's slot: "Weegploeg: CO3-2026-0042, plan van aanpak". */
export function slotSummary(table: Label, d: DossierTitle): IcsSummary {
  return `${table}: ${dossier(d)}` as IcsSummary;
}

export interface DescribedRow {
  readonly start: DateTime;
  readonly end: DateTime;
  readonly dossier: DossierCode;
  readonly itemType: Label;
}

/**
 * Calendar description of a session: only times, dossier codes and item types, and the link to
 * the agenda behind login. Who brings what stays in the mail body.
 */
export function sessionDescription(
  rows: readonly DescribedRow[],
  link: WebLink,
  online?: WebLink,
): IcsDescription {
  const lines = rows.map((r) => {
    assertInterval(r.start, r.end, 'agenda row');
    return `${dutchTimeRange(r.start, r.end)}  ${r.dossier}  ${midSentence(r.itemType)}`;
  });
  const agenda = lines.length > 0 ? ['Agenda:', ...lines, ''] : [];
  return [...agenda, ...onlineLine(online), `Agenda (na inloggen): ${link}`].join('\n') as IcsDescription;
}

/** The online-meeting link as a description line, when there is one. */
function onlineLine(online: WebLink | undefined): string[] {
  return online ? [`Online deelnemen: ${online}`] : [];
}

/** Calendar description of a guest slot. */
export function slotDescription(
  row: DescribedRow,
  link: WebLink,
  provisional: boolean,
  online?: WebLink,
): IcsDescription {
  assertInterval(row.start, row.end, 'slot');
  const lines = [
    `Uw agendapunt: ${row.dossier}, ${midSentence(row.itemType)}, ${dutchTimeRange(row.start, row.end)}.`,
    ...(provisional
      ? ['Onder voorbehoud: het tijdstip is pas definitief na het afsluiten van de agenda.']
      : []),
    ...onlineLine(online),
    `Details (na inloggen): ${link}`,
  ];
  return lines.join('\n') as IcsDescription;
}

/** Calendar description of a cancellation. */
export function cancellationDescription(s: SessionTitle, link: WebLink): IcsDescription {
  return `${session(s)} gaat niet door.\nMeer informatie (na inloggen): ${link}` as IcsDescription;
}

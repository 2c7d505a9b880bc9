import type { AgendaEntry, SessionAgendaView } from '@overlegtafels/application';
import { fields, paragraph, PrintDocument, PrintSection, table } from '@overlegtafels/pdf';
import { SESSION_STATUS_LABELS, sessionIs, when } from '../web/page.service';

/**
 * A session's agenda as a printable document, from the same view as the agenda page: a member
 * gets what the page shows them (times, codes, types, who brings it) and the contents only of
 * the items shared with the session.
 */
export function agendaDocument(agenda: SessionAgendaView, notice: string): PrintDocument {
  const s = agenda.session;
  const meta = [
    `${when.range(s.startsAt, s.endsAt)} · ${SESSION_STATUS_LABELS[s.status] ?? s.status} · ${s.usedMinutes} van ${s.capacityMinutes} minuten`,
    ...(sessionIs.provisional(s) ? [`De agenda is onder voorbehoud tot ${when.dateTime(s.freezeAt)}.`] : []),
    ...(s.cancelReason ? [`Geannuleerd: ${s.cancelReason}`] : []),
    ...(s.location ? [`Locatie: ${s.location}`] : []),
    ...(s.onlineMeetingUrl ? [`Online deelnemen: ${s.onlineMeetingUrl}`] : []),
  ];
  const overview: PrintSection = {
    heading: 'Agendapunten',
    blocks:
      agenda.entries.length === 0
        ? [paragraph('Er staan nog geen agendapunten op deze zitting.', true)]
        : [
            table(
              [
                { header: 'Tijd' },
                { header: 'Dossier', weight: 1.3 },
                { header: 'Soort', weight: 1.5 },
                { header: 'Gebracht door', weight: 2.2 },
                { header: 'Duur', weight: 0.7 },
              ],
              agenda.entries.map((e) => [
                slot(e),
                e.dossierCode,
                e.itemTypeLabel,
                e.broughtBy,
                `${e.durationMinutes} min`,
              ]),
            ),
          ],
  };
  return {
    title: `${agenda.tableName}: agenda van ${when.date(s.startsAt)}`,
    meta,
    notice,
    sections: [overview, ...agenda.entries.map(entrySection)],
  };
}

/** "agenda-ico-2026-11-27.pdf": the table and the date, nothing about the families. */
export function agendaFileName(agenda: SessionAgendaView): string {
  return `agenda-${agenda.session.key.replace(/[^a-z0-9-]+/gi, '-')}.pdf`;
}

function slot(e: AgendaEntry): string {
  return e.slotStart && e.slotEnd ? when.range(e.slotStart, e.slotEnd) : '—';
}

function entrySection(e: AgendaEntry): PrintSection {
  const marks = [
    e.rolledOver && 'doorgeschoven',
    e.late && 'laattijdig aanvaard',
    e.shared && 'gedeeld met de zitting',
  ].filter((m): m is string => Boolean(m));
  const c = e.contents;
  return {
    heading: `${slot(e)} · ${e.dossierCode} · ${e.itemTypeLabel}`,
    blocks: [
      fields([
        ['Gebracht door', e.broughtBy],
        ['Duur', `${e.durationMinutes} minuten`],
        ['Kenmerken', marks.join(', ')],
        ['Aangepast door de coördinator', e.overrideReason],
        ['Beslissing', e.decision?.label],
      ]),
      c
        ? fields([
            ['Vraag aan de tafel', c.question || '—'],
            [
              'Bijlage',
              c.document && `${c.document.fileName} (${Math.ceil(c.document.sizeBytes / 1024)} kB)`,
            ],
            [
              'Gasten',
              c.guests.map((g) => [g.name, g.email, `(${g.kind})`].filter(Boolean).join(' ')).join('; '),
            ],
          ])
        : paragraph('De inhoud is niet gedeeld met de leden van de zitting.', true),
    ],
  };
}

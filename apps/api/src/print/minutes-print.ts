import type { ActionPointView, MinutesItemView, MinutesView } from '@overlegtafels/application';
import { fields, paragraph, PrintDocument, PrintSection, table } from '@overlegtafels/pdf';
import { when } from '../web/page.service';

const ACTION_STATUS: Record<ActionPointView['status'], string> = {
  open: 'open',
  fulfilled: 'afgerond',
  cancelled: 'vervallen',
};

/**
 * The verslag of a session as a printable document, from the reader's MinutesView (the verslag
 * page's read): an item the reader may not see keeps its code and type only, an aanmelder's own
 * item its outcome (decision and action points) without the verslag's text.
 */
export function minutesDocument(m: MinutesView, notice: string): PrintDocument {
  const attendance: PrintSection[] = m.attendance
    ? [
        {
          heading: 'Aanwezigheid',
          blocks: [
            table(
              [{ header: 'Partner', weight: 2 }, { header: 'Aanwezigheid' }],
              m.attendance.map((a) => [a.label, a.statusLabel ?? 'niet genoteerd']),
            ),
          ],
        },
      ]
    : [];
  const items: PrintSection[] =
    m.items.length === 0
      ? [
          {
            heading: 'Agendapunten',
            blocks: [paragraph('Er zijn geen agendapunten in dit verslag voor u.', true)],
          },
        ]
      : m.items.map(itemSection);
  return {
    title: `Verslag ${m.tableName}: ${m.dateText}`,
    meta: [
      m.closed && m.closedAt
        ? `Afgesloten op ${when.dateTime(m.closedAt)}`
        : 'In opmaak: nog niet afgesloten',
    ],
    notice,
    sections: [...attendance, ...items],
  };
}

/** "verslag-ico-2026-12-04.pdf": the table and the date only. */
export function minutesFileName(m: MinutesView): string {
  return `verslag-${m.tableKey}-${m.startsAt.slice(0, 10)}.pdf`.replace(/[^a-z0-9.-]+/gi, '-');
}

function itemSection(i: MinutesItemView): PrintSection {
  const heading = `${i.dossierCode} · ${i.itemTypeLabel}`;
  if (i.scope === 'none')
    return {
      heading,
      blocks: [paragraph('Dit agendapunt is niet gedeeld met de leden van de zitting.', true)],
    };
  const guests = i.guests
    ?.map((g) => `${g.name || 'gast'} (${g.present ? 'aanwezig' : 'niet aanwezig'})`)
    .join('; ');
  return {
    heading,
    blocks: [
      fields([
        ['Beslissing', i.decision?.label],
        ['Gasten', guests],
      ]),
      ...(i.text !== null ? [fields([['Verslag', i.text || 'Geen verslag geschreven.']])] : []),
      ...(i.actionPoints === null
        ? []
        : i.actionPoints.length === 0
          ? [paragraph('Geen actiepunten.', true)]
          : [
              table(
                [
                  { header: 'Actiepunt', weight: 3 },
                  { header: 'Wie', weight: 2 },
                  { header: 'Tegen', weight: 1.5 },
                  { header: 'Stand', weight: 1.5 },
                ],
                i.actionPoints.map((a) => [
                  a.what,
                  a.ownerOrganisationName ? `${a.ownerName} (${a.ownerOrganisationName})` : a.ownerName,
                  a.dueText,
                  a.fulfilmentNote
                    ? `${ACTION_STATUS[a.status]}: ${a.fulfilmentNote}`
                    : ACTION_STATUS[a.status],
                ]),
              ),
            ]),
    ],
  };
}

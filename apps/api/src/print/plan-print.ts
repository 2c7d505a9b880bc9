import type { PlanRowView, PlanVersionPage } from '@overlegtafels/application';
import { fields, paragraph, PrintBlock, PrintDocument, PrintSection, table } from '@overlegtafels/pdf';
import { when } from '../web/page.service';

const ROW_COLUMNS = [
  { header: 'Factor', weight: 1.6 },
  { header: 'Bij wie', weight: 1.1 },
  { header: 'Noden', weight: 1.6 },
  { header: 'Aanpak op maat', weight: 1.6 },
  { header: 'Actie', weight: 1.6 },
  { header: 'Begeleiding', weight: 1.2 },
  { header: 'Stand van zaken', weight: 1.6 },
];

/**
 * The version of a plan van aanpak a table discusses, as a printable document, from the same
 * read as its page (ReadPlanVersionUseCase: need-to-know and audit there): the answers at the
 * agendering, what changed since the version this table saw last, and the rows per domain.
 */
export function planDocument(v: PlanVersionPage, notice: string): PrintDocument {
  const agendering: PrintSection = {
    heading: 'Bij de agendering',
    blocks: [
      fields([['Vraag aan de tafel', v.question || '—'], ...v.brief.map((l) => [l.label, l.value] as const)]),
    ],
  };
  const plan: PrintSection[] = v.version
    ? [
        { heading: 'Wat veranderde', blocks: changes(v) },
        {
          heading: `Versie ${v.version.number}, vastgelegd op ${when.dateTime(v.version.frozenAt)}`,
          blocks: [
            fields([
              ['IFG-profielen', v.version.plan.profiles.map((p) => p.label).join(', ') || 'geen aangeduid'],
            ]),
          ],
        },
        ...v.version.plan.domains.map((d) => ({
          heading: d.label,
          blocks: [table(ROW_COLUMNS, d.rows.map(rowCells))],
        })),
      ]
    : [
        {
          heading: 'Plan van aanpak',
          blocks: [paragraph('Bij dit agendapunt hoort geen geschreven plan van aanpak.', true)],
        },
      ];
  return {
    title: `Plan van aanpak ${v.dossierCode}${v.version ? `, versie ${v.version.number}` : ''}`,
    meta: [`${v.tableName}: ${v.itemTypeLabel}, zitting van ${when.dateTime(v.sessionStartsAt)}`],
    notice,
    landscape: true,
    sections: [agendering, ...plan],
  };
}

/** "plan-van-aanpak-CO3-2026-0001-v2.pdf": the dossier code and the version. */
export function planFileName(v: PlanVersionPage): string {
  return `plan-van-aanpak-${v.dossierCode}${v.version ? `-v${v.version.number}` : ''}.pdf`.replace(
    /[^a-z0-9.-]+/gi,
    '-',
  );
}

function rowCells(r: PlanRowView): string[] {
  return [
    `${r.kind === 'beschermend' ? 'beschermend' : 'risico'}: ${r.factor}`,
    r.bijWie.join(', '),
    r.noden,
    r.aanpakOpMaat,
    r.actie,
    r.begeleiding,
    r.standVanZaken,
  ];
}

function changes(v: PlanVersionPage): PrintBlock[] {
  const c = v.changes;
  if (!c || c.first) return [paragraph(`Dit is de eerste versie die ${v.tableName} ziet.`)];
  const previous = c.previous!;
  if (c.unchanged)
    return [
      paragraph(
        `Niets veranderd sinds versie ${previous.number} (zitting van ${when.dateTime(previous.sessionStartsAt)}).`,
      ),
    ];
  const lines = [
    ...(c.profilesAdded.length > 0 ? [`IFG-profiel erbij: ${c.profilesAdded.join(', ')}`] : []),
    ...(c.profilesRemoved.length > 0 ? [`IFG-profiel weg: ${c.profilesRemoved.join(', ')}`] : []),
    ...c.rowsAdded.map((r) => `Nieuwe rij (${r.domain}): ${r.factor}, bij ${r.bijWie.join(', ')}`),
    ...c.rowsRemoved.map((r) => `Rij geschrapt (${r.domain}): ${r.factor}, bij ${r.bijWie.join(', ')}`),
  ];
  return [
    paragraph(
      `Sinds versie ${previous.number}, besproken op de zitting van ${when.dateTime(previous.sessionStartsAt)}:`,
    ),
    ...lines.map((l) => paragraph(`• ${l}`)),
    ...c.rowsChanged.flatMap((x) => [
      paragraph(
        `• Rij gewijzigd (${x.after.domain}): ${x.after.factor} — ${x.fieldLabels.join(', ').toLowerCase()}`,
      ),
      table(
        [{ header: 'Veld' }, { header: 'Voor', weight: 2 }, { header: 'Na', weight: 2 }],
        x.fields.map((field, i) => [
          x.fieldLabels[i] ?? field,
          fieldText(x.before, field) || '—',
          fieldText(x.after, field) || '—',
        ]),
      ),
    ]),
  ];
}

function fieldText(r: PlanRowView, field: string): string {
  if (field === 'bijWie') return r.bijWie.join(', ');
  if (field === 'domainKey') return r.domain;
  if (field === 'factorKey') return r.factor;
  if (field === 'begeleiding') return r.begeleiding;
  const value = (r as unknown as Record<string, unknown>)[field];
  return typeof value === 'string' ? value : '';
}

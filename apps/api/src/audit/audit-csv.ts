import type { AuditTrailRow } from '@overlegtafels/application';
import { DateTime } from 'luxon';

/** The export's columns, in Dutch, as a spreadsheet shows them. */
export const AUDIT_CSV_HEADER = [
  'id',
  'tijdstip',
  'persoon_id',
  'persoon',
  'handeling',
  'uitkomst',
  'dossier',
  'soort',
  'soort_id',
  'route',
  'details',
];

/**
 * One cell: quoted when it holds the separator, a quote or a line break; a value a spreadsheet
 * would run as a formula (=, +, -, @, tab, CR first) gets a leading apostrophe (CSV injection).
 */
export function csvCell(value: string | null | undefined): string {
  let v = value ?? '';
  if (/^[=+\-@\t\r]/.test(v)) v = `'${v}`;
  return /[;"\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** A row of the export; times in Brussels with their offset. Lines end CRLF (RFC 4180). */
export function auditCsvLine(row: AuditTrailRow): string {
  return (
    [
      row.id,
      DateTime.fromJSDate(row.at, { zone: 'Europe/Brussels' }).toISO({ suppressMilliseconds: false }),
      row.actorPersonId,
      row.actorName,
      row.action,
      row.outcome === 'allowed' ? 'toegestaan' : 'geweigerd',
      row.dossierCode,
      row.entityType,
      row.entityId,
      row.route,
      Object.keys(row.details).length > 0 ? JSON.stringify(row.details) : '',
    ]
      .map(csvCell)
      .join(';') + '\r\n'
  );
}

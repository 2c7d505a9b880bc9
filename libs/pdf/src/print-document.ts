/**
 * A printable document as plain data: what the PDF renderer draws, and what each document
 * (agenda, verslag, plan van aanpak) builds from the same read model as its page. It holds only
 * what its reader may see; the renderer adds nothing but the notice and the page numbers.
 */
export interface PrintDocument {
  readonly title: string;
  /** Short lines under the title: date, time, status. */
  readonly meta: readonly string[];
  readonly sections: readonly PrintSection[];
  /** Printed at the foot of every page (the confidentiality notice). */
  readonly notice: string;
  /** Landscape for wide tables (the plan van aanpak's seven columns); portrait by default. */
  readonly landscape?: boolean;
}

export interface PrintSection {
  readonly heading: string;
  readonly blocks: readonly PrintBlock[];
}

export type PrintBlock = PrintParagraph | PrintFields | PrintTable;

export interface PrintParagraph {
  readonly kind: 'paragraph';
  readonly text: string;
  readonly muted?: boolean;
}

/** Label and value pairs ("Gebracht door: …"). */
export interface PrintFields {
  readonly kind: 'fields';
  readonly rows: readonly (readonly [label: string, value: string])[];
}

export interface PrintColumn {
  readonly header: string;
  /** Relative width (default 1). */
  readonly weight?: number;
}

export interface PrintTable {
  readonly kind: 'table';
  readonly columns: readonly PrintColumn[];
  readonly rows: readonly (readonly string[])[];
}

export const paragraph = (text: string, muted = false): PrintParagraph => ({
  kind: 'paragraph',
  text,
  muted,
});

/** Leaves out the pairs without a value, so a document shows no empty labels. */
export const fields = (rows: readonly (readonly [string, string | null | undefined])[]): PrintFields => ({
  kind: 'fields',
  rows: rows.filter((r): r is readonly [string, string] => typeof r[1] === 'string' && r[1].trim() !== ''),
});

export const table = (columns: readonly PrintColumn[], rows: readonly (readonly string[])[]): PrintTable => ({
  kind: 'table',
  columns,
  rows,
});

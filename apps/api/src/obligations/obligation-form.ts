/** The "done" form's (or JSON body's) note as text: anything that is not text is no note. */
export function noteOf(body: { note?: unknown } | undefined): string {
  return typeof body?.note === 'string' ? body.note : '';
}

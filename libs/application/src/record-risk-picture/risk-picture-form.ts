/**
 * The risk picture as a page's form sends it, without JavaScript: per factor a radio
 * `risico.<key>` (empty: struck, `aanwezig`, `niet-gekend`), a text `motivering.<key>` and
 * checkboxes `gezinsleden.<key>` with client ids. The same fields sit in the ICO's decision form
 * and on the casusregisseur's edit page.
 */
export const RISK_MARK_FIELD = 'risico.';
export const RISK_MOTIVATION_FIELD = 'motivering.';
export const RISK_CLIENTS_FIELD = 'gezinsleden.';

/** The factors of a form body, in the order of the body, for RiskPictureSchema to parse. */
export function riskPictureFromForm(body: Record<string, unknown>): {
  factors: { factorKey: string; mark: string; motivation?: string; clientIds: string[] }[];
} {
  const factors = [];
  for (const [field, value] of Object.entries(body)) {
    if (!field.startsWith(RISK_MARK_FIELD)) continue;
    const mark = first(value).trim();
    if (mark === '') continue;
    const factorKey = field.slice(RISK_MARK_FIELD.length);
    const motivation = first(body[RISK_MOTIVATION_FIELD + factorKey]);
    const clients = body[RISK_CLIENTS_FIELD + factorKey];
    factors.push({
      factorKey,
      mark,
      ...(motivation.trim() !== '' && { motivation }),
      clientIds: (Array.isArray(clients) ? clients : clients === undefined ? [] : [clients]).map(String),
    });
  }
  return { factors };
}

/**
 * The form field where a problem of `factors.<i>.<what>` is shown: the row of that factor. `keys`
 * are the factor keys in the order riskPictureFromForm read them.
 */
export function riskFormField(field: string, keys: readonly string[]): string {
  const m = /^(?:riskPicture\.)?factors\.(\d+)\.(\w+)/.exec(field);
  const key = m ? keys[Number(m[1])] : undefined;
  if (!m || key === undefined) return field;
  if (m[2] === 'motivation') return RISK_MOTIVATION_FIELD + key;
  if (m[2] === 'clientIds') return RISK_CLIENTS_FIELD + key;
  return RISK_MARK_FIELD + key;
}

/** Every field of the risk picture a body holds, as strings (a failed form shows them again). */
export function riskFormValues(body: Record<string, unknown>): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [field, value] of Object.entries(body)) {
    if (![RISK_MARK_FIELD, RISK_MOTIVATION_FIELD, RISK_CLIENTS_FIELD].some((p) => field.startsWith(p)))
      continue;
    out[field] = Array.isArray(value) ? value.map(String) : String(value);
  }
  return out;
}

const first = (v: unknown): string =>
  Array.isArray(v) ? String(v[0] ?? '') : typeof v === 'string' ? v : '';

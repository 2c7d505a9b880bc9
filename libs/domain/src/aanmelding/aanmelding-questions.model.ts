/**
 * A region's own questions on the aanmelding form, asked after the questions every region asks
 * (why now, the violence, the situation, the risks, the clients, the services, the safety plan,
 * the questions to the table; CO3's guide II.C). The sources give each region its own: Oost-
 * Vlaanderen and Vlaams-Brabant their three aanmeldingscriteria, West-Vlaanderen whether the
 * pleger was told. Answers are kept with the aanmelding by the question's key.
 */
export type AanmeldingQuestion =
  | {
      readonly key: string;
      readonly label: string;
      readonly hint?: string;
      readonly kind: 'tekst';
      readonly required: boolean;
      /** Default 5000 characters. */
      readonly maxLength?: number;
    }
  | {
      readonly key: string;
      readonly label: string;
      readonly hint?: string;
      readonly kind: 'keuze';
      readonly required: boolean;
      /** Several may be ticked (checkboxes) or one chosen (radio buttons). */
      readonly multiple: boolean;
      readonly options: readonly { readonly key: string; readonly label: string }[];
    };

/** A text answer, or the keys of the chosen options (one for a single choice). */
export type RegionAnswer = string | readonly string[];
export type RegionAnswers = Readonly<Record<string, RegionAnswer>>;

export interface RegionAnswerProblem {
  /** `regionAnswers.<key>`: where the form shows the message. */
  readonly field: string;
  readonly message: string;
}

const DEFAULT_MAX = 5000;
const KEY = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * The answers as the region's questions take them, and every problem at once (Dutch, naming the
 * question): a required question left empty, a text too long, a choice not offered, an answer to
 * a question the region does not ask. Blank answers are left out.
 */
export function regionAnswersOf(
  questions: readonly AanmeldingQuestion[],
  raw: Readonly<Record<string, unknown>>,
): { answers: RegionAnswers; problems: RegionAnswerProblem[] } {
  const answers: Record<string, RegionAnswer> = {};
  const problems: RegionAnswerProblem[] = [];
  const byKey = new Map(questions.map((q) => [q.key, q]));
  for (const key of Object.keys(raw)) {
    if (!byKey.has(key)) {
      problems.push({
        field: `regionAnswers.${key.slice(0, 60)}`,
        message: 'Deze vraag staat niet op het aanmeldingsformulier van de regio.',
      });
    }
  }
  for (const q of questions) {
    const field = `regionAnswers.${q.key}`;
    const value = raw[q.key];
    if (q.kind === 'tekst') {
      const text = typeof value === 'string' ? value.trim() : '';
      if (value !== undefined && typeof value !== 'string') {
        problems.push({ field, message: `${q.label}: geef een tekst.` });
      } else if (!text) {
        if (q.required) problems.push({ field, message: `${q.label}: vul dit in.` });
      } else if (text.length > (q.maxLength ?? DEFAULT_MAX)) {
        problems.push({ field, message: `${q.label}: hoogstens ${q.maxLength ?? DEFAULT_MAX} tekens.` });
      } else {
        answers[q.key] = text;
      }
      continue;
    }
    const chosen = (
      Array.isArray(value) ? value : value === undefined || value === '' ? [] : [value]
    ) as unknown[];
    const offered = new Set(q.options.map((o) => o.key));
    const choice = q.multiple ? 'kies uit de lijst' : 'kies één antwoord uit de lijst';
    if (chosen.some((c) => typeof c !== 'string' || !offered.has(c)) || (!q.multiple && chosen.length > 1)) {
      problems.push({ field, message: `${q.label}: ${choice}.` });
    } else if (chosen.length === 0) {
      if (q.required) problems.push({ field, message: `${q.label}: ${choice}.` });
    } else {
      // In the order the form offers them, each once.
      const keys = q.options.map((o) => o.key).filter((k) => chosen.includes(k));
      answers[q.key] = q.multiple ? keys : keys[0]!;
    }
  }
  return { answers, problems };
}

/** The answers as a reader sees them: per question asked, its label and the answer's text. */
export function shownRegionAnswers(
  questions: readonly AanmeldingQuestion[],
  answers: RegionAnswers,
): { label: string; answer: string }[] {
  return questions.flatMap((q) => {
    const a = answers[q.key];
    if (a === undefined) return [];
    if (q.kind === 'tekst') return [{ label: q.label, answer: String(a) }];
    const keys = Array.isArray(a) ? a : [a];
    const labels = keys.map((k) => q.options.find((o) => o.key === k)?.label ?? k);
    return [{ label: q.label, answer: labels.join('; ') }];
  });
}

/** What is wrong with a region's questions, one sentence each (for regionProblems). */
export function aanmeldingQuestionProblems(questions: readonly AanmeldingQuestion[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const q of questions) {
    if (!KEY.test(q.key)) problems.push(`aanmelding question key "${q.key}" is not lower-case-with-dashes`);
    if (seen.has(q.key)) problems.push(`aanmelding question ${q.key} appears twice`);
    seen.add(q.key);
    if (!q.label?.trim()) problems.push(`aanmelding question ${q.key} has no label`);
    if (q.kind === 'keuze') {
      if (!q.options?.length) problems.push(`aanmelding question ${q.key} offers no options`);
      const keys = new Set(q.options?.map((o) => o.key));
      if (keys.size !== (q.options?.length ?? 0))
        problems.push(`aanmelding question ${q.key} repeats an option`);
    } else if (q.kind !== 'tekst') {
      const odd = q as { key: string; kind: unknown };
      problems.push(`aanmelding question ${odd.key} has kind "${String(odd.kind)}", not tekst or keuze`);
    }
  }
  return problems;
}

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { defaultTemplatesDir } from './mail-templates';

export interface ConfidentialityNotice {
  /** As the mails' footer says it ("deze e-mail …"). */
  readonly mail: string;
  /** The same notice for a printed page or a PDF ("dit document …"). */
  readonly document: string;
}

/** The mail notice's words that name the medium, and what they become on paper. */
const FOR_A_DOCUMENT: readonly [RegExp, string][] = [
  [/\bdeze e-mail\b/g, 'dit document'],
  [/\bhem\b/g, 'het'],
];

const cache = new Map<string, ConfidentialityNotice>();

/**
 * The confidentiality notice of the mails, read from the footer partial they all include
 * (templates/partials/footer.txt, its paragraph that starts with "Vertrouwelijk:"), so a page,
 * a print and a PDF say what the mails say and a change to the wording is made in one place.
 */
export function confidentialityNotice(templatesDir = defaultTemplatesDir()): ConfidentialityNotice {
  const cached = cache.get(templatesDir);
  if (cached) return cached;
  const footer = readFileSync(path.join(templatesDir, 'partials', 'footer.txt'), 'utf8');
  const mail = footer
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .find((p) => p.startsWith('Vertrouwelijk:'));
  if (!mail) throw new Error('templates/partials/footer.txt has no paragraph starting with "Vertrouwelijk:"');
  const document = FOR_A_DOCUMENT.reduce(
    (text, [words, replacement]) => text.replace(words, replacement),
    mail,
  );
  const notice = { mail, document };
  cache.set(templatesDir, notice);
  return notice;
}

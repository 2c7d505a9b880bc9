/**
 * What may be logged of an error: its kind and its codes, never its message. The messages of
 * SMTP, database and validation errors quote what they were given — a recipient's address
 * ("<…>: Recipient address rejected"), a value from a row — and logs carry ids and codes only.
 * The message itself stays where access is controlled: an outbox row's last error (shown to
 * coordinators at /beheer/mails) and the job's failed reason in the queue.
 */
export function loggableError(error: unknown): string {
  if (!(error instanceof Error)) return `a thrown ${typeof error}`;
  const e = error as Error & { code?: unknown; responseCode?: unknown; command?: unknown };
  const parts = [safeToken(e.name) ?? 'Error'];
  const code =
    typeof e.code === 'string' || typeof e.code === 'number' ? safeToken(String(e.code)) : undefined;
  if (code) parts.push(code);
  if (typeof e.responseCode === 'number' && Number.isInteger(e.responseCode))
    parts.push(`SMTP ${e.responseCode}`);
  const command = typeof e.command === 'string' ? safeToken(e.command.replace(/ /g, '_')) : undefined;
  if (command) parts.push(`at ${command}`);
  return parts.join(' ');
}

/**
 * loggableError with where it was thrown: the stack's frames (code locations) without its first
 * line, which repeats the message.
 */
export function loggableStack(error: unknown): string {
  const frames = error instanceof Error && error.stack ? error.stack.split('\n').slice(1) : [];
  return [loggableError(error), ...frames.filter((f) => /^\s+at /.test(f))].join('\n');
}

/** A name or code as written by a library (EENVELOPE, 23505, 57P01, P2002, UNSAFE_ICS), else nothing. */
function safeToken(value: string | undefined): string | undefined {
  return value && /^[A-Za-z][A-Za-z0-9_.-]{0,39}$|^[0-9]{1,6}$|^[0-9A-Z]{5}$/.test(value) ? value : undefined;
}

import type { z } from 'zod';
import { FieldError, InputError } from '../errors/input-error';

/** Parses or throws an InputError with every field's first problem, named by its path. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  for (const issue of result.error.issues) {
    const field = issue.path.map(String).join('.') || 'body';
    if (seen.has(field)) continue;
    seen.add(field);
    errors.push({
      field,
      code: issue.code === 'custom' ? 'INVALID' : issue.code.toUpperCase(),
      message: issue.message,
    });
  }
  throw new InputError(errors);
}

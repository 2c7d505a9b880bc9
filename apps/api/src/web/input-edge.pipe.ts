import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { controlCharacterMessage, controlCharacterPath, InputError } from '@overlegtafels/application';

const PAGE_FORM = Symbol('page form');

/**
 * Marks the body of a page's form (not the API's): its control characters are left to the form's
 * own schema, which says so next to the field and gives the page back with everything typed, where
 * the edge's refusal would be a bare error page with the input gone (issue #15). Every field a
 * page stores goes through a schema whose text fields refuse control characters.
 */
export function markPageForm(body: unknown): void {
  if (typeof body === 'object' && body !== null && !Array.isArray(body)) {
    Object.defineProperty(body, PAGE_FORM, { value: true, enumerable: false });
  }
}

export function isPageForm(body: unknown): boolean {
  return typeof body === 'object' && body !== null && (body as Record<symbol, unknown>)[PAGE_FORM] === true;
}

/** The middleware that marks page forms: a form posted to a path outside /api. */
export function pageFormMarker(req: { path: string; body?: unknown }, _res: unknown, next: () => void): void {
  if (!req.path.startsWith('/api/') && req.path !== '/api') markPageForm(req.body);
  next();
}

/**
 * The edge's rule for every route's input, before a controller sees it: a body is an object (not
 * missing, not a list or a bare value), and no string of the body, the path or the query holds a
 * control character. Refused as the 400 that names the field, like any other bad input; the
 * commands' own schemas say the same per field with its label.
 */
@Injectable()
export class InputEdgePipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'custom') return value;
    const whole = metadata.type === 'body' && !metadata.data;
    if (whole && (typeof value !== 'object' || value === null || Array.isArray(value))) {
      throw new InputError([
        {
          field: 'body',
          code: 'REQUIRED',
          message: 'Stuur de gegevens als JSON-object (Content-Type: application/json) of als formulier.',
        },
      ]);
    }
    // A page's form answers its own control characters next to the field (see markPageForm).
    if (whole && isPageForm(value)) return value;
    const at = controlCharacterPath(value);
    if (at === undefined) return value;
    const field = whole ? at || 'body' : [metadata.data ?? metadata.type, at].filter(Boolean).join('.');
    throw new InputError([{ field, code: 'CONTROL_CHARACTER', message: controlCharacterMessage(field) }]);
  }
}

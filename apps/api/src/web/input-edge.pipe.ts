import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { controlCharacterMessage, controlCharacterPath, InputError } from '@overlegtafels/application';

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
    const at = controlCharacterPath(value);
    if (at === undefined) return value;
    const field = whole ? at || 'body' : [metadata.data ?? metadata.type, at].filter(Boolean).join('.');
    throw new InputError([{ field, code: 'CONTROL_CHARACTER', message: controlCharacterMessage(field) }]);
  }
}

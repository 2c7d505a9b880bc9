import { InputError } from '../errors';

export function organisationNameTaken(): InputError {
  return new InputError([
    { field: 'name', code: 'NAME_TAKEN', message: 'Er is in de regio al een organisatie met deze naam.' },
  ]);
}

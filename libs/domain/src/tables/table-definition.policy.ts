import { TableDefinition } from './table-definition.model';
import { TableSchedule } from './table-schedule.policy';
import { InvalidTableDefinitionError } from '../errors/domain.error';
import { meetingPlaceProblem } from '../sessions/meeting-place.policy';

/**
 * Checks a table definition; throws InvalidTableDefinitionError naming the first problem. Region
 * configurations call this in their tests, and the application at boot, so a bad table never
 * reaches a placement.
 */
export function validateTableDefinition(table: TableDefinition): void {
  TableSchedule.of(table);
  const problem = table.meetingPlace && meetingPlaceProblem(table.meetingPlace);
  if (problem) throw new InvalidTableDefinitionError(table.key, `meetingPlace: ${problem}`);
}

/** Formats an instant at the table's offset, e.g. `2026-12-01T13:00:00+01:00`. */
export function formatInstant(table: TableDefinition, instant: number): string {
  return TableSchedule.of(table).zone.formatIso(instant);
}

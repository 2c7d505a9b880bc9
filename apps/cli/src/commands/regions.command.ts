import type { RegionConfig, TableDefinition } from '@overlegtafels/domain';
import { listRegions } from '@overlegtafels/regions';
import { CliCommand, CliIo, CliUsageError } from '../cli-command';

const USAGE = 'usage: regions (one JSON line per region: its key, name, zone and tables with their rhythm)';

/** A table's rhythm as its configuration says it: weekday, every how many weeks, hours, since when. */
export function rhythmOf(table: TableDefinition) {
  return {
    weekday: table.recurrence.weekday,
    everyWeeks: table.recurrence.everyWeeks,
    start: table.hours.start,
    end: table.hours.end,
    seriesStart: table.recurrence.seriesStart,
    ...(table.recurrence.seriesEnd && { seriesEnd: table.recurrence.seriesEnd }),
  };
}

export function regionLine(region: RegionConfig): string {
  return JSON.stringify({
    region: region.key,
    name: region.name,
    timeZone: region.timeZone,
    tables: region.tables.map((t) => ({
      key: t.key,
      name: t.name,
      rhythm: rhythmOf(t),
      capacityMinutes: t.capacityMinutes,
    })),
  });
}

/** `regions`: the regions this build knows, for the operator choosing `--region` elsewhere. */
export class RegionsCommand implements CliCommand {
  readonly name = 'regions';
  readonly summary = 'the regions with their tables (key, name, rhythm) as JSON lines';

  constructor(private readonly regions: () => readonly RegionConfig[] = listRegions) {}

  async run(argv: readonly string[], io: CliIo): Promise<number> {
    if (argv[0] === '--help' || argv[0] === '-h') {
      io.out(USAGE);
      return 0;
    }
    if (argv.length) throw new CliUsageError(`unexpected argument "${argv[0]}"; ${USAGE}`);
    for (const region of this.regions()) io.out(regionLine(region));
    return 0;
  }
}

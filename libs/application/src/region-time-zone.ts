import { currentRegionKey, inRegion, type AppConfig } from '@overlegtafels/config';
import type { RegionConfig } from '@overlegtafels/domain';
import { getRegion } from '@overlegtafels/regions';

/**
 * The configuration of the region the current work runs in (the actor's, the session's or the
 * dossier's: see inRegion); read at each use, never kept, as one process serves several regions.
 */
export function scopedRegion(config: Pick<AppConfig, 'regions'>): RegionConfig {
  const key = currentRegionKey(config);
  const region = getRegion(key);
  if (!region) throw new Error(`region ${key} has no configuration in libs/regions`);
  return region;
}

/** The time zone of the current work's region (its calendar days are the dossier's dates). */
export function regionTimeZone(config: Pick<AppConfig, 'regions'>): string {
  return scopedRegion(config).timeZone;
}

/**
 * Runs work once in each region of the installation, one after the other in the order of
 * REGIONS: what a sweep or a planning job does that has no actor, session or dossier to start from.
 */
export async function eachRegion<T>(
  config: Pick<AppConfig, 'regions'>,
  work: (regionKey: string) => Promise<T>,
): Promise<T[]> {
  const results: T[] = [];
  for (const key of config.regions) results.push(await inRegion(key, () => work(key)));
  return results;
}

import { AsyncLocalStorage } from 'node:async_hooks';
import type { AppConfig } from './app-config';

const scope = new AsyncLocalStorage<string>();

/**
 * Runs work in one region of the installation: the region of the person who asks (the api's
 * interceptor), of the session or dossier a job is about (the worker), or each region in turn (a
 * sweep). Everything region-specific it reads (tables, dossier life, time zone, mail identity)
 * is that region's.
 */
export function inRegion<T>(regionKey: string, work: () => T): T {
  return scope.run(regionKey, work);
}

/**
 * The key of the region the current work runs in. Outside any region's work only an installation
 * of one region has an answer (its region); with several it is a programming error to ask.
 */
export function currentRegionKey(config: Pick<AppConfig, 'regions'>): string {
  const key = scope.getStore();
  if (key !== undefined) return key;
  if (config.regions.length === 1) return config.regions[0]!;
  throw new Error(
    'no region in scope: with several REGIONS, work runs in the region of its actor, session or dossier (inRegion)',
  );
}

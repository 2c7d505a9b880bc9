import type { INestApplication } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { POLICY_KEY, RoutePolicy } from '@overlegtafels/auth';

export interface AppRoute {
  /** `POST /api/agenda-items/:id/share` */
  readonly route: string;
  readonly method: string;
  readonly path: string;
  readonly policy: RoutePolicy | undefined;
}

const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'ALL', 'OPTIONS', 'HEAD'];

/**
 * Every HTTP route of the running app, read from Nest's own registry (the controllers and their
 * handlers' metadata), with the policy the guard will see for it. A route another branch adds is
 * in this list the moment its controller is in a module.
 */
export function appRoutes(app: INestApplication): AppRoute[] {
  const found: AppRoute[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const type = wrapper.metatype as (new (...args: never[]) => object) | undefined;
      if (!type) continue;
      const base = Reflect.getMetadata(PATH_METADATA, type) as string;
      for (const name of Object.getOwnPropertyNames(type.prototype)) {
        const handler = (type.prototype as Record<string, unknown>)[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const sub = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
        if (sub === undefined) continue;
        const method = METHODS[Reflect.getMetadata(METHOD_METADATA, handler) as number]!;
        const policy = (Reflect.getMetadata(POLICY_KEY, handler) ?? Reflect.getMetadata(POLICY_KEY, type)) as
          RoutePolicy | undefined;
        const path = `/${[base, sub]
          .filter((p) => p && p !== '/')
          .map((p) => p.replace(/^\/+|\/+$/g, ''))
          .join('/')}`;
        found.push({ route: `${method} ${path}`, method, path, policy });
      }
    }
  }
  return found;
}

/** The routes that change something: every unsafe method. */
export function writeRoutes(app: INestApplication): AppRoute[] {
  return appRoutes(app).filter((r) => ['POST', 'PUT', 'PATCH', 'DELETE', 'ALL'].includes(r.method));
}

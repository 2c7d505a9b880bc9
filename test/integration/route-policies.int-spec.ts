import { Controller, Get, INestApplication, Module } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { POLICY_KEY, RoutePolicy } from '@overlegtafels/auth';
import { startTestApp, TestApp } from '../support/test-app';

interface RouteInfo {
  route: string;
  policy: RoutePolicy | undefined;
}

/** Every HTTP route of the running app, with the policy the guard will see for it. */
function routes(app: INestApplication): RouteInfo[] {
  const found: RouteInfo[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const type = wrapper.metatype as (new (...args: never[]) => object) | undefined;
      if (!type) continue;
      const base = Reflect.getMetadata(PATH_METADATA, type) as string;
      for (const name of Object.getOwnPropertyNames(type.prototype)) {
        const handler = (type.prototype as Record<string, unknown>)[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
        if (path === undefined) continue;
        const method = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'ALL', 'OPTIONS', 'HEAD'][
          Reflect.getMetadata(METHOD_METADATA, handler) as number
        ];
        const policy = (Reflect.getMetadata(POLICY_KEY, handler) ?? Reflect.getMetadata(POLICY_KEY, type)) as
          RoutePolicy | undefined;
        found.push({ route: `${method} /${[base, path].filter((p) => p && p !== '/').join('/')}`, policy });
      }
    }
  }
  return found;
}

describe('every route declares who may call it', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ withWorker: false });
  }, 60_000);
  afterAll(async () => t?.close());

  it('finds the routes of the app', () => {
    const all = routes(t.app).map((r) => r.route);
    expect(all).toEqual(
      expect.arrayContaining([
        'GET /health',
        'GET /api/dossiers/:code',
        'POST /login/demo',
        'GET /api/tables/:key/placement',
      ]),
    );
    expect(all.length).toBeGreaterThan(15);
  });

  it('has a policy on every route, and a reason on every public one', () => {
    const missing = routes(t.app)
      .filter((r) => !r.policy)
      .map((r) => r.route);
    expect(missing).toEqual([]);
    const publicWithoutReason = routes(t.app).filter(
      (r) => r.policy?.kind === 'public' && r.policy.reason.length < 10,
    );
    expect(publicWithoutReason).toEqual([]);
  });

  it('keeps the public routes to the login flow, the health probe and the calendar feed', () => {
    const publicRoutes = routes(t.app)
      .filter((r) => r.policy?.kind === 'public')
      .map((r) => r.route)
      .sort();
    expect(publicRoutes).toEqual([
      'GET /calendar/:file',
      'GET /health',
      'GET /login',
      'GET /login/link/:token',
      'POST /login/demo',
      'POST /login/link',
      'POST /login/link/:token',
    ]);
  });
});

describe('a route without a policy', () => {
  @Controller('forgotten')
  class ForgottenController {
    @Get()
    secret() {
      return { leaked: true };
    }
  }
  @Module({ controllers: [ForgottenController] })
  class ForgottenModule {}

  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ withWorker: ForgottenModule as never });
  }, 60_000);
  afterAll(async () => t?.close());

  it('is refused by the guard (fails closed), even for a logged-out caller', async () => {
    const res = await fetch(`${t.baseUrl}/forgotten`, { headers: { accept: 'application/json' } });
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({
      statusCode: 500,
      message: 'Er ging iets mis. Probeer het later opnieuw.',
    });
  });
});

import { Controller, Get, Module } from '@nestjs/common';
import { appRoutes as routes } from '../support/app-routes';
import { startTestApp, TestApp } from '../support/test-app';

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
      'GET /login/oidc',
      'GET /login/oidc/callback',
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

import type { ExecutionContext } from '@nestjs/common';
import type { Principal } from '@overlegtafels/auth';
import { routeOf, viewerFrom } from './current-viewer.decorator';

function contextOf(req: Record<string, unknown>): ExecutionContext {
  return { switchToHttp: () => ({ getRequest: () => req }) } as unknown as ExecutionContext;
}

const principal: Principal = {
  personId: 'p1',
  regionId: 'r1',
  displayName: 'P',
  email: 'p@example.be',
  organisationId: null,
  grants: [
    { role: 'coordinator', tableKey: 'ico' },
    { role: 'member', tableKey: 'weegploeg' },
  ],
  sessionId: 's',
  csrfToken: 'c',
};

describe('the viewer and route from the execution context', () => {
  it('takes the route as declared, with its parameters, never the values of the URL', () => {
    const ctx = contextOf({
      method: 'GET',
      route: { path: '/api/documents/:id' },
      url: '/api/documents/0b9e',
    });
    expect(routeOf(ctx)).toBe('GET /api/documents/:id');
  });

  it('builds the viewer from the principal the guard set, with that route', () => {
    const ctx = contextOf({ method: 'POST', route: { path: '/api/sessions/:id/freeze' }, principal });
    expect(viewerFrom(ctx)).toEqual({
      personId: 'p1',
      regionId: 'r1',
      route: 'POST /api/sessions/:id/freeze',
      coordinatorTables: ['ico'],
      memberTables: ['weegploeg'],
    });
  });

  it('fails loudly where no route matched or nobody is logged in, instead of logging a wrong route', () => {
    expect(() => routeOf(contextOf({ method: 'GET' }))).toThrow('no matched route');
    expect(() => viewerFrom(contextOf({ method: 'GET', route: { path: '/' } }))).toThrow(/without a login/);
  });
});

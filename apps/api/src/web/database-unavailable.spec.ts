import { HttpException } from '@nestjs/common';
import { toHttpException } from './html-exception.filter';
import { isDatabaseUnavailable } from './database-unavailable';

describe('isDatabaseUnavailable', () => {
  it.each([
    [
      'a refused connection',
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
    ],
    ['a pool that could not connect in time', new Error('timeout exceeded when trying to connect')],
    ['a server shutting down', Object.assign(new Error('terminating connection'), { code: '57P01' })],
    ['a statement timeout, wrapped', new Error('query failed', { cause: { code: '57014' } })],
    [
      'a Prisma driver adapter error',
      { name: 'DriverAdapterError', cause: { kind: 'DatabaseNotReachable' } },
    ],
  ])('recognises %s', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a unique violation', Object.assign(new Error('duplicate key'), { code: '23505' })],
    ['a programming error', new TypeError('x is undefined')],
    ['nothing', undefined],
  ])('leaves %s alone', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });

  it('turns an outage into a 503 with its code, and leaves other errors as they are', () => {
    const mapped = toHttpException(Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }));
    expect(mapped).toBeInstanceOf(HttpException);
    expect((mapped as HttpException).getStatus()).toBe(503);
    expect((mapped as HttpException).getResponse()).toMatchObject({ code: 'DATABASE_UNAVAILABLE' });
    const other = new TypeError('boom');
    expect(toHttpException(other)).toBe(other);
  });
});

import { FakeTable, FakeUnitOfWork } from './fake-unit-of-work';

describe('FakeUnitOfWork', () => {
  it('keeps what a successful run wrote and counts a commit', async () => {
    const table = new FakeTable([{ id: 'a', n: 1 }]);
    const uow = new FakeUnitOfWork(table);
    await uow.run(async () => void table.update('a', { n: 2 }));
    expect(table.get('a')).toEqual({ id: 'a', n: 2 });
    expect([uow.commits, uow.rollbacks]).toEqual([1, 0]);
  });

  it('puts every enlisted table back when the work throws, as a rollback would', async () => {
    const table = new FakeTable([{ id: 'a', n: 1 }]);
    const uow = new FakeUnitOfWork(table);
    await expect(
      uow.run(async () => {
        table.update('a', { n: 2 });
        table.put({ id: 'b', n: 3 });
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(table.all()).toEqual([{ id: 'a', n: 1 }]);
    expect([uow.commits, uow.rollbacks]).toEqual([0, 1]);
  });

  it('joins an inner run to the outer transaction and hands out one handle', async () => {
    const uow = new FakeUnitOfWork();
    const handles = await uow.run(async (outer) => [outer, await uow.run(async (inner) => inner)]);
    expect(handles[0]).toBe(handles[1]);
    expect(uow.commits).toBe(1);
  });

  it('hands out copies, so a test cannot change a stored row by accident', () => {
    const table = new FakeTable([{ id: 'a', list: [1] }]);
    table.get('a')!.list.push(2);
    expect(table.get('a')).toEqual({ id: 'a', list: [1] });
  });
});

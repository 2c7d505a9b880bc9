import { AUDIT_CHAIN_GENESIS, auditChainHash, AuditChainRow, checkAuditChain } from './audit-chain';

function chain(n: number): AuditChainRow[] {
  const rows: AuditChainRow[] = [];
  let prev = AUDIT_CHAIN_GENESIS;
  for (let i = 1; i <= n; i++) {
    const fields = {
      id: String(i * 2),
      at: '2026-12-02T19:00:00.123Z',
      actorPersonId: null,
      action: 'dossier.read',
      entityType: 'dossier',
      entityId: `d-${i}`,
      dossierId: null,
      route: 'GET /dossiers/:code',
      outcome: 'allowed',
      details: '{"note": "é"}',
    };
    const hash = auditChainHash(prev, fields);
    rows.push({ ...fields, prevHash: prev, hash });
    prev = hash;
  }
  return rows;
}

describe('the audit hash chain', () => {
  it('tells NULL from an empty field and counts octets, not characters', () => {
    const base = chain(1)[0]!;
    expect(auditChainHash(AUDIT_CHAIN_GENESIS, { ...base, entityId: '' })).not.toBe(
      auditChainHash(AUDIT_CHAIN_GENESIS, { ...base, entityId: null }),
    );
    // S2:ab S1:c and S1:a S2:bc must differ: fields cannot slide into each other.
    expect(auditChainHash(AUDIT_CHAIN_GENESIS, { ...base, action: 'ab', entityType: 'c' })).not.toBe(
      auditChainHash(AUDIT_CHAIN_GENESIS, { ...base, action: 'a', entityType: 'bc' }),
    );
  });

  it('holds for an untouched chain, and names the first changed or unlinked row', () => {
    const intact = checkAuditChain(chain(4));
    expect([intact.rows, intact.broken]).toEqual([4, undefined]);
    const changed = chain(4);
    changed[2] = { ...changed[2]!, outcome: 'denied' };
    expect(checkAuditChain(changed).broken).toMatchObject({ id: '6', reason: 'content' });
    const removed = chain(4);
    removed.splice(1, 1);
    expect(checkAuditChain(removed).broken).toMatchObject({
      id: '6',
      reason: 'link',
      message: expect.stringContaining('not the hash of row 2'),
    });
  });
});

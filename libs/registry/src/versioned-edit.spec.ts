import type { AuditEntry, AuditLog } from '@app/audit';
import { VersionConflictError } from '@app/domain';
import { sentFields, VersionedEdit } from './versioned-edit';

describe('versioned edits of the registry', () => {
  const recorded: AuditEntry[] = [];
  const sut = new VersionedEdit({ record: async (entry: AuditEntry) => void recorded.push(entry) } as unknown as AuditLog);
  beforeEach(() => recorded.splice(0));

  const change = (write: () => Promise<boolean>) => ({
    entity: 'school' as const,
    action: 'school.update',
    id: 's1',
    countyId: '320321',
    expectedVersion: 3,
    before: { name: '旧名', version: 3 },
    write,
    after: () => ({ name: '新名', version: 4 }),
  });

  it('refuses a change made from a stale read, naming both versions', () => {
    expect(() => VersionedEdit.assertCurrent('school', { id: 's1', version: 3 }, 3)).not.toThrow();
    expect(() => VersionedEdit.assertCurrent('school', { id: 's1', version: 4 }, 3)).toThrow(VersionConflictError);
    try {
      VersionedEdit.assertCurrent('school', { id: 's1', version: 4 }, 3);
    } catch (error) {
      expect((error as VersionConflictError).details).toEqual({ expectedVersion: 3, currentVersion: 4 });
    }
  });

  it('writes, reloads and audits before and after', async () => {
    await expect(sut.save(change(async () => true))).resolves.toEqual({ name: '新名', version: 4 });
    expect(recorded).toEqual([
      {
        action: 'school.update',
        entity: 'school',
        entityId: 's1',
        countyId: '320321',
        before: { name: '旧名', version: 3 },
        after: { name: '新名', version: 4 },
      },
    ]);
  });

  it('answers 409 and audits nothing when someone else wrote between the read and the write', async () => {
    await expect(sut.save(change(async () => false))).rejects.toThrow(VersionConflictError);
    expect(recorded).toEqual([]);
  });

  it('takes the fields a client sent, false and null included, and leaves the absent ones', () => {
    const command = { name: undefined, boarding: false, groupId: null, code: 'S1', version: 2 };
    expect(sentFields(command, ['name', 'boarding', 'groupId', 'code'])).toEqual({ boarding: false, groupId: null, code: 'S1' });
  });
});

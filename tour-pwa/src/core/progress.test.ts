import { describe, expect, it } from 'vitest';
import { createProgress } from './progress';
import { memoryKeyValue, persisted } from './store';

describe('tour progress', () => {
  it('resumes the same walk after a reload, and marks the tour active (updates wait)', () => {
    const kv = memoryKeyValue();
    const p = createProgress(kv);
    p.start('port', '1.0.0', 'family', 10);
    p.markVisited('port', 'a', ['a', 'b'], 20);
    const again = createProgress(kv);
    expect(again.store.get().activeTourId).toBe('port');
    expect(again.start('port', '1.0.0', 'family', 30)).toMatchObject({ visited: ['a'], startedAt: 10 });
    again.leave();
    expect(again.store.get().activeTourId).toBeNull();
  });

  it('starts afresh for another scenario or a new version', () => {
    const p = createProgress(memoryKeyValue());
    p.start('port', '1.0.0', 'family', 10);
    p.markVisited('port', 'a', ['a', 'b'], 20);
    expect(p.start('port', '1.0.0', 'soldier-uk', 30).visited).toEqual([]);
    p.markVisited('port', 'a', ['a', 'b'], 40);
    expect(p.start('port', '1.1.0', 'soldier-uk', 50).visited).toEqual([]);
  });

  it('records each stop once and the end of the tour', () => {
    const p = createProgress(memoryKeyValue());
    p.start('port', '1.0.0', 'family', 0);
    p.markVisited('port', 'a', ['a', 'b'], 1);
    p.markVisited('port', 'a', ['a', 'b'], 2);
    p.markVisited('port', 'b', ['a', 'b'], 3);
    expect(p.store.get().tours.port).toMatchObject({ visited: ['a', 'b'], finishedAt: 3, openStopId: 'b' });
  });
});

describe('persisted stores', () => {
  it('migrates an older version and survives corrupt storage', () => {
    const kv = memoryKeyValue();
    kv.setItem('k', JSON.stringify({ version: 1, state: { n: 2 } }));
    const s = persisted(kv, 'k', 2, { count: 0 }, (old, from) =>
      from === 1 ? { count: (old as { n: number }).n } : null,
    );
    expect(s.get()).toEqual({ count: 2 });
    kv.setItem('bad', '{not json');
    expect(persisted(kv, 'bad', 1, { count: 0 }).get()).toEqual({ count: 0 });
  });
});

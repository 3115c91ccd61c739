import { describe, expect, it } from 'vitest';
import type { KioskState } from '../../src/common/contracts';
import { bridgeCarrier, type KioskBridge } from '../../src/common/ipc';
import {
  createClient,
  createDispatcher,
  forwardEvents,
  KioskError,
  PendingRequests,
  type RpcEvent,
  type Services,
} from '../../src/common/rpc';
import { sampleState } from './sample-state';

const state: KioskState = sampleState({
  locale: 'en',
  library: { name: 'Médiathèque de Grande-Synthe', isil: 'FR-000000001' },
});

/** An in-memory carrier: the dispatcher on the far side, events through a listener set. */
function loopback(services: Partial<Services>) {
  const dispatch = createDispatcher(services);
  const listeners = new Set<(e: RpcEvent) => void>();
  forwardEvents(services, (e) => listeners.forEach((l) => l(e)));
  let id = 0;
  const bridge: KioskBridge = {
    request: (service, method, args) => dispatch({ id: ++id, service, method, args }),
    listen: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
  return createClient(bridgeCarrier(bridge));
}

function kioskImpl(overrides: Partial<Record<string, unknown>> = {}) {
  const listeners = new Set<(s: unknown) => void>();
  const impl = {
    getState: async () => state,
    setLocale: async () => undefined,
    onDidChangeState: (l: (s: unknown) => void) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    ...overrides,
  };
  return { impl: impl as unknown as Services['kiosk'], emit: (s: unknown) => listeners.forEach((l) => l(s)) };
}

describe('kiosk service contracts over a carrier', () => {
  it('carries a call and its checked result', async () => {
    const client = loopback({ kiosk: kioskImpl().impl });
    await expect(client.kiosk.getState()).resolves.toEqual(state);
  });

  it('refuses bad arguments on the calling side before anything is sent', async () => {
    const client = loopback({ kiosk: kioskImpl().impl });
    // @ts-expect-error: 'de' is not a kiosk language; the runtime check must catch it too.
    await expect(client.kiosk.setLocale('de')).rejects.toMatchObject({ code: 'invalid-args' });
  });

  it('refuses bad arguments on the answering side too (a compromised renderer)', async () => {
    const dispatch = createDispatcher({ kiosk: kioskImpl().impl });
    await expect(
      dispatch({ id: 7, service: 'kiosk', method: 'enterPin', args: ['12ab'] }),
    ).resolves.toMatchObject({
      id: 7,
      ok: false,
      error: { code: 'invalid-args' },
    });
    await expect(dispatch({ id: 8, service: 'kiosk', method: 'format', args: [] })).resolves.toMatchObject({
      error: { code: 'unknown-method' },
    });
    await expect(dispatch({ id: 9, service: 'shell', method: 'exec', args: [] })).resolves.toMatchObject({
      error: { code: 'unknown-service' },
    });
    await expect(dispatch('getState')).resolves.toMatchObject({ id: -1, error: { code: 'bad-request' } });
    await expect(dispatch({ id: 10, service: 'staff', method: 'lock', args: [] })).resolves.toMatchObject({
      error: { code: 'not-available' },
    });
  });

  it('never lets a malformed state reach the UI', async () => {
    const client = loopback({ kiosk: kioskImpl({ getState: async () => ({ screen: 'nowhere' }) }).impl });
    await expect(client.kiosk.getState()).rejects.toMatchObject({ code: 'invalid-result' });
  });

  it('turns a core failure into a coded error, keeping KioskError codes', async () => {
    const client = loopback({
      kiosk: kioskImpl({
        setLocale: async () => {
          throw new KioskError('not-available', 'locale store offline');
        },
        getState: async () => {
          throw new Error('disk full');
        },
      }).impl,
    });
    await expect(client.kiosk.setLocale('fr')).rejects.toMatchObject({ code: 'not-available' });
    await expect(client.kiosk.getState()).rejects.toMatchObject({ code: 'failed', message: 'disk full' });
  });

  it('delivers events whose payload matches the contract, and drops the others', async () => {
    const { impl, emit } = kioskImpl();
    const client = loopback({ kiosk: impl });
    const seen: KioskState[] = [];
    const off = client.kiosk.onDidChangeState((s) => seen.push(s));
    emit({ ...state, screen: 'identify' });
    emit({ screen: 'broken' });
    off();
    emit({ ...state, screen: 'pin' });
    expect(seen.map((s) => s.screen)).toEqual(['identify']);
  });

  it('matches responses to requests and fails the waiting ones when the carrier closes', async () => {
    const pending = new PendingRequests();
    const a = pending.open();
    const b = pending.open();
    pending.settle({ id: b.id, ok: true, result: 2 });
    await expect(b.result).resolves.toBe(2);
    pending.failAll('socket closed');
    await expect(a.result).rejects.toMatchObject({ code: 'transport-closed' });
  });
});

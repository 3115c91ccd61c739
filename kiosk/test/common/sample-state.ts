import type { KioskState } from '../../src/common/contracts';

/** A kiosk at rest, as the core reports it; tests spread it and change what they need. */
export function sampleState(overrides: Partial<KioskState> = {}): KioskState {
  return {
    screen: 'welcome',
    mode: null,
    locale: 'fr',
    library: { name: 'Médiathèque de Dunkerque', isil: 'FR-000000000' },
    online: true,
    readerConnected: true,
    offlineQueue: 0,
    patron: null,
    items: [],
    busy: false,
    notice: null,
    idle: { warning: false, secondsLeft: 60 },
    receipt: null,
    ...overrides,
  };
}

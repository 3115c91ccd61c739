/** The kiosk imports the package by name: the entry must resolve and expose the documented API. */
import { describe, expect, it } from 'vitest';
import * as api from '@dunkirk/rfid-driver';

describe('@dunkirk/rfid-driver public API', () => {
  it.each([
    'openReader',
    'readerFor',
    'readTag',
    'writeTag',
    'setSecured',
    'getSecured',
    'decodeTag',
    'encodeTag',
    'listDevices',
    'createTransport',
    'startPtySimulator',
    'startMemorySimulator',
    'describeError',
    'normaliseUid',
  ] as const)('exports %s', (name) => expect(typeof api[name]).toBe('function'));

  it('runs the kiosk path end to end in memory: place a tag, inventory, read, unsecure', async () => {
    const sim = await api.startMemorySimulator({ protocol: 'feig', realTime: false });
    const reader = api.readerFor('feig', sim.transport, {
      security: api.securityOf({ afi: { onShelf: 0x07, onLoan: 0xda } }),
    });
    await reader.open();
    const bytes = api.encodeTag({
      model: 'iso28560-2',
      data: { primaryItemId: '30593500001', ownerIsil: 'FR-593506101' },
    });
    sim.pad.place({ uid: 'E0040150DEADBEEF', data: api.toHex(bytes), afi: 0x07, eas: true });
    const [tag] = await reader.inventory();
    expect((await api.readTag(reader, tag!.uid)).record).toMatchObject({ primaryItemId: '30593500001' });
    await api.setSecured(reader, tag!.uid, false); // uses the reader's configured pair
    expect(sim.pad.state()[0]).toMatchObject({ afi: 0xda, eas: false });
    expect(await api.getSecured(reader, tag!.uid)).toBe(false);
    await reader.close();
    await sim.stop();
  });
});

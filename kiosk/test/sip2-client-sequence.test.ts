import { createServer, type AddressInfo, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  Sip2Client,
  SipFrameReader,
  decodeFrame,
  encodeMessage,
  timestampFromDate,
  type SipMessage,
} from '../src/node/sip2';

/**
 * A scripted library system: records the `AY` of every request, and for item information
 * first sends an answer with the wrong sequence number (a stale answer) before the right one.
 */
let server: Server | undefined;
afterEach(async () => {
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  server = undefined;
});

async function scripted(): Promise<{ port: number; sequences: number[] }> {
  const sequences: number[] = [];
  const now = timestampFromDate(new Date(), 'utc');
  server = createServer((socket) => {
    const reader = new SipFrameReader();
    socket.on('data', (chunk) => {
      for (const frame of reader.push(chunk)) {
        const { message, sequence } = decodeFrame(frame);
        const seq = sequence ?? 0;
        sequences.push(seq);
        const send = (m: SipMessage, s: number) => socket.write(encodeMessage(m, { sequence: s }));
        if (message.type === 'scStatus') {
          send(
            {
              type: 'acsStatus',
              onlineStatus: true,
              checkinOk: true,
              checkoutOk: true,
              acsRenewalPolicy: true,
              statusUpdateOk: false,
              offlineOk: false,
              timeoutPeriod: 10,
              retriesAllowed: 1,
              dateTimeSync: now,
              protocolVersion: '2.00',
              institutionId: 'X',
              supportedMessages: 'YYYYYYYYYYYYYYYY',
            },
            seq,
          );
        } else if (message.type === 'itemInformationRequest') {
          const answer = (title: string): SipMessage => ({
            type: 'itemInformationResponse',
            circulationStatus: '03',
            securityMarker: '01',
            feeType: '01',
            transactionDate: now,
            itemIdentifier: message.itemIdentifier,
            titleIdentifier: title,
          });
          send(answer('stale'), (seq + 9) % 10);
          setTimeout(() => send(answer('current'), seq), 20);
        }
      }
    });
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', () => r()));
  return { port: (server!.address() as AddressInfo).port, sequences };
}

describe('Sip2Client sequence numbers (SIP2 §2.00 error detection)', () => {
  it('numbers requests 1, 2, 3 … modulo 10 and ignores an answer carrying another sequence', async () => {
    const { port, sequences } = await scripted();
    const client = new Sip2Client({ host: '127.0.0.1', port, institutionId: 'X', statusIntervalMs: 0 });
    try {
      expect(await client.start()).toBe('online');
      expect(client.limits).toEqual({ timeoutMs: 1000, retries: 1 });
      for (let i = 0; i < 11; i++) {
        expect((await client.itemInformation(`item-${i}`)).titleIdentifier).toBe('current');
      }
      // 1 for the status request, then one per item request, wrapping after 9.
      expect(sequences).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2]);
    } finally {
      await client.close();
    }
  });
});

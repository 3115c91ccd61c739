import { describe, expect, it } from 'vitest';
import {
  SipError,
  SipFrameReader,
  checksum,
  decodeFrame,
  encodeMessage,
  parseMessage,
  patronStatus,
  type SipCharset,
  type SipMessage,
  type SipTimestamp,
} from '../src/node/sip2';

const T: SipTimestamp = { year: 2026, month: 11, day: 26, hour: 10, minute: 15, second: 0, zone: '    ' };

function caught(fn: () => unknown): SipError {
  try {
    fn();
  } catch (err) {
    if (err instanceof SipError) return err;
    throw err;
  }
  throw new Error('expected a SipError');
}

interface Vector {
  name: string;
  value: SipMessage;
  /** Message text without trailer; checksums per charset follow. */
  text: string;
  sequence: number;
  checksums: Record<SipCharset, string>;
}

/**
 * Each vector: the typed value, the text, and the AZ checksum of that text + `AY<n>AZ`
 * in each character set (computed independently from the byte sum, SIP2 §2.00 error detection).
 */
const vectors: Vector[] = [
  {
    // SIP2 §2.00 Checkout Response (12): ok=1, renewal ok=N, magnetic media=N, desensitize=Y,
    // then AO institution, AA patron, AB item, AJ title (non-ASCII), AH due date, CK media 001 = book,
    // BK transaction id, AF screen message.
    name: 'checkout response with a French title',
    value: {
      type: 'checkoutResponse',
      ok: '1',
      renewalOk: false,
      magneticMedia: false,
      desensitize: true,
      transactionDate: T,
      institutionId: 'FR-599990001',
      patronIdentifier: '29990000012345',
      itemIdentifier: '0123456789012',
      titleIdentifier: 'Les Dunes de Zuydcoote : récit, édition française',
      dueDate: '20261224    235959',
      mediaType: '001',
      transactionId: 'T0001',
      screenMessage: ['Prêt enregistré.'],
    },
    text:
      '121NNY20261126    101500AOFR-599990001|AA29990000012345|AB0123456789012|' +
      'AJLes Dunes de Zuydcoote : récit, édition française|AH20261224    235959|CK001|BKT0001|AFPrêt enregistré.|',
    sequence: 3,
    checksums: { 'utf-8': 'C7B8', latin1: 'CA47', cp850: 'CC3E' },
  },
  {
    // SIP2 §2.00 Checkin Response (10): ok=1, resensitize=Y, magnetic=N, alert=Y; AQ permanent
    // location = owner; CT destination = owner's ISIL; CV 04 = send to other branch (3M extension).
    name: 'checkin response sending the item to its owner',
    value: {
      type: 'checkinResponse',
      ok: '1',
      resensitize: true,
      magneticMedia: false,
      alert: true,
      transactionDate: T,
      institutionId: 'FR-599990003',
      itemIdentifier: '0123456789012',
      permanentLocation: 'FR-599990001',
      titleIdentifier: 'La poche de Dunkerque',
      mediaType: '001',
      destinationLocation: 'FR-599990001',
      alertType: '04',
      screenMessage: ['À renvoyer à B!B Dunkerque.'],
    },
    text:
      '101YNY20261126    101500AOFR-599990003|AB0123456789012|AQFR-599990001|AJLa poche de Dunkerque|' +
      'CK001|CTFR-599990001|CV04|AFÀ renvoyer à B!B Dunkerque.|',
    sequence: 4,
    checksums: { 'utf-8': 'D341', latin1: 'D447', cp850: 'D4AB' },
  },
  {
    // SIP2 §2.00 Item Information Response (18): circulation 03 available, security 01 none,
    // fee type blank; BG owner; CK 005 video; ZP = parts of the set (this project's extension).
    name: 'item information of a three-part set',
    value: {
      type: 'itemInformationResponse',
      circulationStatus: '03',
      securityMarker: '01',
      feeType: '  ',
      transactionDate: T,
      itemIdentifier: '0340000000777',
      titleIdentifier: 'Coffret Opération Dynamo (3 DVD)',
      owner: 'FR-599990001',
      mediaType: '005',
      permanentLocation: 'FR-599990001',
      currentLocation: 'FR-599990001',
      partsCount: 3,
    },
    text:
      '180301  20261126    101500AB0340000000777|AJCoffret Opération Dynamo (3 DVD)|BGFR-599990001|CK005|' +
      'AQFR-599990001|APFR-599990001|ZP3|',
    sequence: 6,
    checksums: { 'utf-8': 'DB9B', latin1: 'DC1E', cp850: 'DC85' },
  },
  {
    // SIP2 §2.00 Patron Information Response (64): 14 blank status flags, language 002 (French),
    // six 4-digit counts (2 charged), then AE name, limits, BL/CQ valid patron and PIN, AU charged items repeated.
    name: 'patron information with repeated charged items',
    value: {
      type: 'patronInformationResponse',
      patronStatus: patronStatus(),
      language: '002',
      transactionDate: T,
      holdItemsCount: 0,
      overdueItemsCount: 0,
      chargedItemsCount: 2,
      fineItemsCount: 0,
      recallItemsCount: 0,
      unavailableHoldsCount: 0,
      institutionId: 'FR-599990001',
      patronIdentifier: '29990000012345',
      personalName: 'Élise Vandamme',
      holdItemsLimit: 10,
      chargedItemsLimit: 30,
      validPatron: true,
      validPatronPassword: true,
      chargedItems: ['0123456789012', '0340000000777'],
      screenMessage: ['Bonjour Élise'],
    },
    text:
      '64' +
      ' '.repeat(14) +
      '002' +
      '20261126    101500' +
      '0000' +
      '0000' +
      '0002' +
      '0000' +
      '0000' +
      '0000' +
      'AOFR-599990001|AA29990000012345|AEÉlise Vandamme|BZ0010|CB0030|BLY|CQY|AU0123456789012|AU0340000000777|AFBonjour Élise|',
    sequence: 7,
    checksums: { 'utf-8': 'D0AE', latin1: 'D1B4', cp850: 'D226' },
  },
];

describe('SIP2 codec: byte vectors both ways (SIP2 §2.00)', () => {
  for (const v of vectors) {
    for (const charset of ['utf-8', 'latin1', 'cp850'] as const) {
      const wire = `${v.text}AY${v.sequence}AZ${v.checksums[charset]}`;
      it(`${v.name} [${charset}]: decode`, () => {
        const bytes = Buffer.concat([Buffer.from(encodeMessage(v.value, { charset, sequence: v.sequence }))]);
        const decoded = decodeFrame(bytes, { charset });
        expect(decoded.text).toBe(wire);
        expect(decoded.message).toEqual(v.value);
        expect(decoded.sequence).toBe(v.sequence);
        expect(decoded.checksumValid).toBe(true);
      });
      it(`${v.name} [${charset}]: encode`, () => {
        expect(checksum(`${v.text}AY${v.sequence}AZ`, charset)).toBe(v.checksums[charset]);
        const bytes = encodeMessage(v.value, { charset, sequence: v.sequence });
        expect(bytes.at(-1)).toBe(0x0d);
        expect(parseMessage(wire, { charset }).message).toEqual(v.value);
      });
      it(`${v.name} [${charset}]: the checksum of another charset is invalid`, () => {
        const other = charset === 'utf-8' ? 'latin1' : 'utf-8';
        const wrong = `${v.text}AY${v.sequence}AZ${v.checksums[other]}`;
        expect(parseMessage(wrong, { charset }).checksumValid).toBe(false);
      });
    }
  }

  it('é is one byte in Latin-1 (E9) and code page 850 (82), two in UTF-8 (C3 A9)', () => {
    const msg: SipMessage = { type: 'loginResponse', ok: '1', extra: [{ code: 'AF', value: 'é' }] };
    expect([...encodeMessage(msg, { charset: 'latin1', errorDetection: false })]).toContain(0xe9);
    expect([...encodeMessage(msg, { charset: 'cp850', errorDetection: false })]).toContain(0x82);
    const utf8 = encodeMessage(msg, { charset: 'utf-8', errorDetection: false });
    expect(utf8.includes(Buffer.from([0xc3, 0xa9]))).toBe(true);
  });
});

describe('SIP2 codec: published examples', () => {
  it('SC Status "9900302.00AY1AZFCA5" (the usual example in SIP2 client suites)', () => {
    const d = parseMessage('9900302.00AY1AZFCA5');
    expect(d.message).toEqual({
      type: 'scStatus',
      statusCode: '0',
      maxPrintWidth: 30,
      protocolVersion: '2.00',
    });
    expect(d.sequence).toBe(1);
    expect(d.checksumValid).toBe(true);
    expect(encodeMessage(d.message, { sequence: 1 }).toString('latin1')).toBe('9900302.00AY1AZFCA5\r');
  });

  it('SC Status "990 402.00AY1AZFCB4" (3M guide p. 26: blank-padded print width)', () => {
    const d = parseMessage('990 402.00AY1AZFCB4');
    expect(d.checksumValid).toBe(true);
    expect(d.message).toEqual({
      type: 'scStatus',
      statusCode: '0',
      maxPrintWidth: 40,
      protocolVersion: '2.00',
    });
  });

  it('Login with AZEC7B is valid; the 3M guide’s printed AZEC78 is a known-bad checksum', () => {
    const good = parseMessage('9300CNLoginUserID|COLoginPassword|CPLocationCode|AY5AZEC7B');
    expect(good.checksumValid).toBe(true);
    expect(good.message).toEqual({
      type: 'loginRequest',
      uidAlgorithm: '0',
      pwdAlgorithm: '0',
      loginUserId: 'LoginUserID',
      loginPassword: 'LoginPassword',
      locationCode: 'LocationCode',
    });
    expect(parseMessage('9300CNLoginUserID|COLoginPassword|CPLocationCode|AY5AZEC78').checksumValid).toBe(
      false,
    );
  });

  it('resend requests carry AZ without AY: 97AZFEF5 and 96AZFEF6', () => {
    expect(encodeMessage({ type: 'requestAcsResend' }).toString()).toBe('97AZFEF5\r');
    expect(encodeMessage({ type: 'requestScResend' }).toString()).toBe('96AZFEF6\r');
    expect(parseMessage('96AZFEF6')).toMatchObject({
      message: { type: 'requestScResend' },
      checksumValid: true,
      sequence: null,
    });
  });

  it('a single flipped byte makes the checksum invalid', () => {
    const good = encodeMessage(vectors[0]!.value, { sequence: 3 });
    const bad = Buffer.from(good);
    bad[30] = bad[30]! ^ 0x01;
    expect(decodeFrame(bad).checksumValid).toBe(false);
  });
});

describe('SIP2 codec: options', () => {
  it('CRLF terminator is written on request and accepted on input', () => {
    const bytes = encodeMessage({ type: 'loginResponse', ok: '1' }, { terminator: 'crlf', sequence: 2 });
    expect(bytes.subarray(-2).toString('latin1')).toBe('\r\n');
    expect(decodeFrame(bytes).checksumValid).toBe(true);
  });

  it('without error detection, no AY/AZ is written and checksumValid is null', () => {
    const bytes = encodeMessage({ type: 'loginResponse', ok: '0' }, { errorDetection: false });
    expect(bytes.toString()).toBe('940\r');
    expect(decodeFrame(bytes)).toMatchObject({ checksumValid: null, sequence: null });
  });

  it('| inside a value becomes ¦ by default, or is refused', () => {
    const msg: SipMessage = {
      type: 'endSessionResponse',
      endSession: true,
      transactionDate: T,
      institutionId: 'A|B',
      patronIdentifier: 'P',
    };
    expect(parseMessage(encodeMessage(msg).toString()).message).toMatchObject({ institutionId: 'A¦B' });
    const err = caught(() => encodeMessage(msg, { delimiterInValue: 'reject' }));
    expect(err.code).toBe('FIELD_CONTAINS_DELIMITER');
    expect(err.details.field).toBe('institutionId');
  });

  it('unknown field codes are kept, in order, in extra', () => {
    const d = parseMessage('941XXvendor|ZQ12|AY0AZ' + checksum('941XXvendor|ZQ12|AY0AZ'));
    expect(d.message.extra).toEqual([
      { code: 'XX', value: 'vendor' },
      { code: 'ZQ', value: '12' },
    ]);
  });

  it('an unsupported charset is refused', () => {
    expect(
      caught(() => encodeMessage({ type: 'loginResponse', ok: '1' }, { charset: 'ebcdic' as SipCharset }))
        .code,
    ).toBe('UNSUPPORTED_CHARSET');
  });
});

describe('SIP2 codec: malformed input names the error and the column', () => {
  const cases: { name: string; text: string; code: string; column?: number }[] = [
    { name: 'one character', text: '9', code: 'TOO_SHORT', column: 1 },
    { name: 'unknown identifier', text: 'XY123', code: 'UNKNOWN_MESSAGE', column: 1 },
    { name: 'fixed part cut short', text: '1101', code: 'TOO_SHORT', column: 5 },
    {
      name: 'flag not Y/N',
      text: '11XN20261126    101500' + ' '.repeat(18) + 'AOx|AAp|ABi|AC|',
      code: 'BAD_FIXED_FIELD',
      column: 3,
    },
    {
      name: 'month 13',
      text: '11NN20261326    101500' + ' '.repeat(18) + 'AOx|AAp|ABi|AC|',
      code: 'BAD_DATE',
      column: 5,
    },
    {
      name: 'required AB missing',
      text: '11NN20261126    101500' + ' '.repeat(18) + 'AOx|AAp|AC|',
      code: 'MISSING_FIELD',
    },
    { name: 'sequence not a digit', text: '940AYxAZ0000', code: 'BAD_TRAILER', column: 6 },
    { name: 'checksum not hex', text: '940AY1AZ12G4', code: 'BAD_TRAILER', column: 9 },
    {
      name: 'flag field not Y/N',
      text: '24' + ' '.repeat(14) + '00120261126    101500AOx|AAp|AEn|BLQ|',
      code: 'BAD_FIELD',
      column: 52,
    },
    { name: 'field code with a blank', text: '940 x|', code: 'BAD_FIELD', column: 4 },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const err = caught(() => parseMessage(c.text));
      expect(err.code).toBe(c.code);
      if (c.column !== undefined) expect(err.details.column).toBe(c.column);
    });
  }
});

describe('SipFrameReader', () => {
  it('reassembles frames split across chunks and accepts CR, CRLF and LF', () => {
    const wire = Buffer.from('9900302.00AY1AZFCA5\r\n941AY2AZ' + checksum('941AY2AZ') + '\r97AZFEF5\n');
    const reader = new SipFrameReader();
    const frames: string[] = [];
    for (let i = 0; i < wire.length; i += 3)
      frames.push(...reader.push(wire.subarray(i, i + 3)).map((f) => f.toString()));
    expect(frames).toEqual(['9900302.00AY1AZFCA5', `941AY2AZ${checksum('941AY2AZ')}`, '97AZFEF5']);
  });

  it('refuses an endless frame', () => {
    const reader = new SipFrameReader(16);
    expect(caught(() => reader.push(Buffer.alloc(32, 0x41))).code).toBe('FRAME_TOO_LONG');
  });
});

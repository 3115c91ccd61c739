/**
 * The three CRC-16 variants met in library RFID. Names follow the CRC
 * catalogue (reveng): parameters are in each doc comment.
 */

function crc16Msb(data: Uint8Array, init: number, xorOut: number): number {
  let crc = init;
  for (const byte of data) {
    crc ^= byte << 8;
    for (let i = 0; i < 8; i++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc ^ xorOut;
}

/** CRC-16/CCITT-FALSE: poly 0x1021, init 0xFFFF, not reflected, xorout 0. Check("123456789") = 0x29B1. ISO 28560-3 data CRC. */
export function crc16CcittFalse(data: Uint8Array): number {
  return crc16Msb(data, 0xffff, 0);
}

/** CRC-16/GENIBUS: poly 0x1021, init 0xFFFF, not reflected, xorout 0xFFFF. Check = 0xD64E. 3M 810 and RRHFOEM04 frames. */
export function crc16Genibus(data: Uint8Array): number {
  return crc16Msb(data, 0xffff, 0xffff);
}

/** CRC-16/MCRF4XX: reflected poly 0x8408, init 0xFFFF, xorout 0. Check = 0x6F91. FEIG ISO Host frames. */
export function crc16Mcrf4xx(data: Uint8Array): number {
  let crc = 0xffff;
  for (const byte of data) {
    crc ^= byte;
    for (let i = 0; i < 8; i++) crc = crc & 1 ? (crc >>> 1) ^ 0x8408 : crc >>> 1;
  }
  return crc;
}

/**
 * ISO/IEC 15693 air time, high data rate, 1-out-of-4 coding, one subcarrier
 * (the mode library readers use). Figures from ISO 15693-2 §7–9 and -3 §9:
 *   VCD→VICC  1 out of 4: 2 bits per 75.52 µs → 37.76 µs per bit; SOF 75.52 µs, EOF 37.76 µs
 *   VICC→VCD  Manchester on 423.75 kHz: 37.76 µs per bit; SOF 56.64 µs, EOF 37.76 µs
 *   t1 = 4320/fc ≈ 318.6 µs nominal (≈ 320.9 µs with its tolerance), the tag's reply delay
 *   t2 = 4192/fc ≈ 309.1 µs, the least time before the reader speaks again
 *   t3 (empty slot) = t1 + SOF of a reply (≈ 377.5 µs) before the reader's EOF
 * Frames carry a 2-byte CRC. Times in microseconds.
 */
export const US_PER_BIT = 37.76;
export const VCD_SOF = 75.52;
export const VCD_EOF = 37.76;
export const VICC_SOF = 56.64;
export const VICC_EOF = 37.76;
export const T1 = 320.9;
export const T2 = 309.1;
export const T3 = T1 + VICC_SOF;

/** A reader → tag frame of `pduBytes` (CRC added). */
export const requestTime = (pduBytes: number) => VCD_SOF + (pduBytes + 2) * 8 * US_PER_BIT + VCD_EOF;

/** A tag → reader frame of `pduBytes` (CRC added), after t1. */
export const responseTime = (pduBytes: number) => T1 + VICC_SOF + (pduBytes + 2) * 8 * US_PER_BIT + VICC_EOF;

/** One request and its reply, with t2 before the next request. */
export const exchangeTime = (requestPdu: number, responsePdu: number) =>
  requestTime(requestPdu) + responseTime(responsePdu) + T2;

/** A slot in which one tag replies to an inventory (flags, DSFID, UID = 10 bytes), closed by the reader's EOF. */
export const respondingSlotTime = () => responseTime(10) + T2;
/** A slot in which nobody replies. */
export const emptySlotTime = () => T3 + VCD_EOF;
/** A slot with several replies: the reader sees the collision once the frames end. */
export const collisionSlotTime = respondingSlotTime;

/** Bytes at a serial line rate: `bitsPerByte` counts start, data, parity and stop bits. */
export const serialTime = (bytes: number, baudRate: number, bitsPerByte = 10) =>
  (bytes * bitsPerByte * 1e6) / baudRate;

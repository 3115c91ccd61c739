/**
 * SIP2 §2.00 "Error detection": the checksum is the two's complement of the 16-bit
 * sum of every byte from the first character up to and including `AZ`, written as four
 * uppercase hexadecimal digits.
 */
export function checksumOfBytes(bytes: Uint8Array, end = bytes.length): string {
  let sum = 0;
  for (let i = 0; i < end; i++) sum += bytes[i]!;
  return (-sum & 0xffff).toString(16).toUpperCase().padStart(4, '0');
}

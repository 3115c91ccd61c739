import { randomBytes, scrypt, scryptSync, timingSafeEqual } from 'node:crypto';

/**
 * PINs are stored as `scrypt$N$r$p$salt$hash` (node:crypto scrypt, 16-byte salt, 32-byte key).
 * Production cost is N=16384, r=8; seeds use `SEED_PIN_COST` (N=256, r=4) so that 29,000
 * readers hash in seconds — acceptable for generated demo and test data only.
 */
export interface PinCost {
  N: number;
  r: number;
  p: number;
}

export const PRODUCTION_PIN_COST: PinCost = { N: 16384, r: 8, p: 1 };
export const SEED_PIN_COST: PinCost = { N: 256, r: 4, p: 1 };

const encode = (cost: PinCost, salt: Buffer, hash: Buffer): string =>
  `scrypt$${cost.N}$${cost.r}$${cost.p}$${salt.toString('base64')}$${hash.toString('base64')}`;

export function hashPinSync(pin: string, cost: PinCost = PRODUCTION_PIN_COST): string {
  const salt = randomBytes(16);
  return encode(cost, salt, scryptSync(pin, salt, 32, { ...cost, maxmem: 256 * cost.N * cost.r }));
}

/** Runs on the libuv thread pool, so many hashes proceed in parallel with other work. */
export function hashPin(pin: string, cost: PinCost = PRODUCTION_PIN_COST): Promise<string> {
  const salt = randomBytes(16);
  return new Promise((resolve, reject) =>
    scrypt(pin, salt, 32, { ...cost, maxmem: 256 * cost.N * cost.r }, (err, key) =>
      err ? reject(err) : resolve(encode(cost, salt, key)),
    ),
  );
}

export function verifyPin(pin: string, stored: string): boolean {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !hash) return false;
  const cost = { N: Number(n), r: Number(r), p: Number(p) };
  const expected = Buffer.from(hash, 'base64');
  const actual = scryptSync(pin, Buffer.from(salt, 'base64'), expected.length, {
    ...cost,
    maxmem: 256 * cost.N * cost.r,
  });
  return timingSafeEqual(actual, expected);
}

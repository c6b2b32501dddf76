/**
 * Salted SHA-256 of an e-mail address, for the "never written to before" check: the add-in keeps only
 * these hashes (in its own storage on the device), never the addresses, and hands the set to the
 * analysis as `draft.sentBefore`. Synchronous and ES2016-safe (classic Outlook's JavaScript-only
 * runtime has no Web Crypto), so the send-time bundle can hash the recipients itself.
 */
import type { SentBefore } from "../../engine/types.js";

/**
 * FIPS 180-4's constants, computed rather than listed (the send-time bundle pays for every byte): K is the
 * first 32 bits of the fractional parts of the cube roots of the first 64 primes (§4.2.2), the initial hash
 * value those of the square roots of the first 8 (§5.3.2). Doubles carry some 50 fractional bits here, so
 * the 32 taken are exact; the FIPS test vectors in the tests would catch one wrong bit.
 */
const PRIMES: number[] = [];
for (let n = 2; PRIMES.length < 64; n++) if (PRIMES.every((prime) => n % prime !== 0)) PRIMES.push(n);
const fraction32 = (x: number) => ((x - Math.floor(x)) * 0x100000000) >>> 0;
const K = PRIMES.map((prime) => fraction32(Math.cbrt(prime)));
const INITIAL_HASH = PRIMES.slice(0, 8).map((prime) => fraction32(Math.sqrt(prime)));

function utf8(text: string): number[] {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    if (code >= 0xd800 && code < 0xdc00 && next >= 0xdc00 && next < 0xe000) {
      code = 0x10000 + ((code - 0xd800) << 10) + (next - 0xdc00);
      i++;
    }
    if (code < 0x80) bytes.push(code);
    else if (code < 0x800) bytes.push(0xc0 | (code >> 6), 0x80 | (code & 63));
    else if (code < 0x10000) bytes.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63));
    else bytes.push(0xf0 | (code >> 18), 0x80 | ((code >> 12) & 63), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63));
  }
  return bytes;
}

const rotr = (x: number, n: number) => (x >>> n) | (x << (32 - n));

/** SHA-256 of a string's UTF-8 bytes, as lower-case hex (FIPS 180-4). */
export function sha256Hex(text: string): string {
  const bytes = utf8(text);
  const bitLength = bytes.length * 8;
  bytes.push(0x80);
  while (bytes.length % 64 !== 56) bytes.push(0);
  for (let shift = 56; shift >= 0; shift -= 8) bytes.push(shift >= 32 ? 0 : (bitLength >>> shift) & 0xff);
  const h = INITIAL_HASH.slice();
  // Stryker disable next-line ArrayDeclaration: every w[t] is written before it is read, so the array's starting length does not matter
  const w = new Array<number>(64).fill(0);
  for (let block = 0; block < bytes.length; block += 64) {
    for (let t = 0; t < 16; t++) {
      const at = block + t * 4;
      w[t] =
        (((bytes[at] as number) << 24) |
          ((bytes[at + 1] as number) << 16) |
          ((bytes[at + 2] as number) << 8) |
          (bytes[at + 3] as number)) >>>
        0;
    }
    for (let t = 16; t < 64; t++) {
      const w15 = w[t - 15] as number;
      const w2 = w[t - 2] as number;
      const s0 = rotr(w15, 7) ^ rotr(w15, 18) ^ (w15 >>> 3);
      const s1 = rotr(w2, 17) ^ rotr(w2, 19) ^ (w2 >>> 10);
      w[t] = ((w[t - 16] as number) + s0 + (w[t - 7] as number) + s1) >>> 0;
    }
    let [a, b, c, d, e, f, g, hh] = h as [number, number, number, number, number, number, number, number];
    for (let t = 0; t < 64; t++) {
      const s1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25);
      const ch = (e & f) ^ (~e & g);
      const t1 = (hh + s1 + ch + (K[t] as number) + (w[t] as number)) >>> 0;
      const s0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22);
      const maj = (a & b) ^ (a & c) ^ (b & c);
      const t2 = (s0 + maj) >>> 0;
      hh = g;
      g = f;
      f = e;
      e = (d + t1) >>> 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) >>> 0;
    }
    const next = [a, b, c, d, e, f, g, hh];
    for (let i = 0; i < 8; i++) h[i] = ((h[i] as number) + (next[i] as number)) >>> 0;
  }
  return h.map((word) => ("00000000" + word.toString(16)).slice(-8)).join("");
}

/** The hash kept for an address: SHA-256 of the salt, a separator and the trimmed, lower-case address. */
export function hashAddress(salt: string, address: string): string {
  return sha256Hex(`${salt}\u0000${address.trim().toLowerCase()}`);
}

/** Whether `address` is among the addresses hashed into `sentBefore`. */
export function wasSentTo(sentBefore: SentBefore, address: string): boolean {
  return sentBefore.hashes.indexOf(hashAddress(sentBefore.salt, address)) !== -1;
}

/** Adds addresses to a set of hashes (kept sorted and unique, capped at `max`, newest kept). */
export function addSentTo(sentBefore: SentBefore, addresses: readonly string[], max = 5000): SentBefore {
  const hashes = sentBefore.hashes.slice();
  for (const address of addresses) {
    if (address.indexOf("@") === -1) continue;
    const hash = hashAddress(sentBefore.salt, address);
    const at = hashes.indexOf(hash);
    if (at !== -1) hashes.splice(at, 1);
    hashes.push(hash);
  }
  return { salt: sentBefore.salt, hashes: hashes.slice(Math.max(0, hashes.length - max)) };
}

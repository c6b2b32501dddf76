/** Check-digit validators for UK identifiers; pure, ES2016-safe, no allocation in the hot path. */

function digitAt(text: string, index: number): number {
  return text.charCodeAt(index) - 48;
}

/** NHS number: 10 digits, weights 10..2 over the first nine, 11 − (sum mod 11); 10 is invalid, 11 → 0. */
export function isValidNhsNumber(digits: string): boolean {
  if (!/^\d{10}$/.test(digits) || /^(\d)\1{9}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += digitAt(digits, i) * (10 - i);
  let check = 11 - (sum % 11);
  if (check === 11) check = 0;
  return check !== 10 && check === digitAt(digits, 9);
}

/** ULN: 10 digits, weights 10..2 over the first nine, check = 10 − (sum mod 11); remainder 0 is invalid. */
export function isValidUln(digits: string): boolean {
  if (!/^\d{10}$/.test(digits) || digits.charCodeAt(0) === 48) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += digitAt(digits, i) * (10 - i);
  const remainder = sum % 11;
  return remainder !== 0 && 10 - remainder === digitAt(digits, 9);
}

/** The DfE's check-letter table: 0 → A … 22 → Z, without I, O and S. */
const UPN_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ";

/** Value of a UPN character in the weighted sum: a digit is itself, a letter its index in the table. */
function upnValue(text: string, index: number): number {
  const code = text.charCodeAt(index);
  return code >= 48 && code <= 57 ? code - 48 : UPN_LETTERS.indexOf(text.charAt(index));
}

/**
 * UPN (DfE): a check letter + 12 characters (LA code 3, establishment 4, year 2, serial 3). Weights
 * 2..13 over characters 2–13, sum mod 23 indexes the letter table. A temporary UPN ends in a letter
 * (two-digit serial), valued by its index in the same table.
 */
export function isValidUpn(upn: string): boolean {
  if (!/^[A-Z]\d{11}[\dA-Z]$/.test(upn)) return false;
  if (upnValue(upn, 12) < 0) return false;
  return upnCheckLetter(upn.slice(1)) === upn.charAt(0);
}

/** The check letter for the 12 characters after it ("" when a character cannot appear in a UPN). */
export function upnCheckLetter(body12: string): string {
  let sum = 0;
  for (let i = 0; i < 12; i++) {
    const value = upnValue(body12, i);
    if (value < 0) return "";
    sum += value * (i + 2);
  }
  return UPN_LETTERS.charAt(sum % 23);
}

const NI_BAD_FIRST = "DFIQUV";
const NI_BAD_SECOND = "DFIOQUV";
const NI_BAD_PREFIXES = ["BG", "GB", "NK", "KN", "TN", "NT", "ZZ"];

/** National Insurance number: prefix rules (HMRC), six digits, suffix A–D. Spaces already removed. */
export function isValidNiNumber(compact: string): boolean {
  if (!/^[A-Z]{2}\d{6}[A-D]$/.test(compact)) return false;
  const first = compact.charAt(0);
  const second = compact.charAt(1);
  if (NI_BAD_FIRST.indexOf(first) !== -1 || NI_BAD_SECOND.indexOf(second) !== -1) return false;
  return NI_BAD_PREFIXES.indexOf(first + second) === -1;
}

/** IBAN: move the first four characters to the end, letters → 10..35, the number mod 97 must be 1. */
export function isValidIban(compact: string): boolean {
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(compact)) return false;
  const rearranged = compact.slice(4) + compact.slice(0, 4);
  let remainder = 0;
  for (let i = 0; i < rearranged.length; i++) {
    const code = rearranged.charCodeAt(i);
    const value = code >= 65 ? code - 55 : code - 48;
    remainder = value >= 10 ? (remainder * 100 + value) % 97 : (remainder * 10 + value) % 97;
  }
  return remainder === 1;
}

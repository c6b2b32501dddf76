/**
 * Synthetic test data: invented people, addresses and identifiers. Identifiers carry VALID check digits
 * (so detectors that validate them are exercised for real) and "corrupted" variants that fail the
 * check. Phone numbers come from Ofcom's ranges reserved for drama; postcodes use inward codes of the
 * form 9xx that are not allocated. Deterministic from a seed: the same seed gives the same data.
 */
import { upnCheckLetter } from "../../policy/detectors/check-digits.js";

/** mulberry32: small, fast, good enough for test data; deterministic across platforms. */
export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error("pick from an empty list");
    return items[Math.floor(this.next() * items.length)] as T;
  }
  chance(probability: number): boolean {
    return this.next() < probability;
  }
  digits(count: number): string {
    let out = "";
    for (let i = 0; i < count; i++) out += String(this.int(0, 9));
    return out;
  }
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, "0");
}

function weightedSum(nine: string): number {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(nine[i]) * (10 - i);
  return sum;
}

/** Replaces the last character by another digit, so the check fails (validated in tests). */
function corruptLastDigit(value: string, isValid: (candidate: string) => boolean, rng: Rng): string {
  const head = value.slice(0, -1);
  const start = rng.int(0, 9);
  for (let k = 0; k < 10; k++) {
    const candidate = head + String((start + k) % 10);
    if (candidate !== value && !isValid(candidate)) return candidate;
  }
  throw new Error(`cannot corrupt ${value}`);
}

// ---- NHS number (mod 11) -------------------------------------------------------------------------

export function nhsNumber(rng: Rng): string {
  for (;;) {
    const nine = String(rng.int(4, 6)) + rng.digits(8);
    let check = 11 - (weightedSum(nine) % 11);
    if (check === 11) check = 0;
    if (check === 10) continue;
    const number = nine + String(check);
    if (/^(\d)\1{9}$/.test(number)) continue;
    return number;
  }
}

export function nhsValid(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  let check = 11 - (weightedSum(digits.slice(0, 9)) % 11);
  if (check === 11) check = 0;
  return check !== 10 && check === Number(digits[9]);
}

function ulnValid(digits: string): boolean {
  if (!/^[1-9]\d{9}$/.test(digits)) return false;
  const remainder = weightedSum(digits.slice(0, 9)) % 11;
  return remainder !== 0 && 10 - remainder === Number(digits[9]);
}

/** Ten digits that are neither a valid NHS number nor a valid ULN (a hard negative). */
export function corruptTenDigits(rng: Rng): string {
  for (;;) {
    const candidate = String(rng.int(1, 9)) + rng.digits(9);
    if (!nhsValid(candidate) && !ulnValid(candidate)) return candidate;
  }
}

export function corruptNhsNumber(rng: Rng): string {
  return corruptLastDigit(nhsNumber(rng), (c) => nhsValid(c) || ulnValid(c), rng);
}

/** "943 476 5919": how NHS numbers are usually written. */
export function spacedNhs(number: string): string {
  return `${number.slice(0, 3)} ${number.slice(3, 6)} ${number.slice(6)}`;
}

// ---- ULN (10 − sum mod 11) -----------------------------------------------------------------------

export function uln(rng: Rng): string {
  for (;;) {
    const nine = String(rng.int(1, 9)) + rng.digits(8);
    const remainder = weightedSum(nine) % 11;
    if (remainder === 0) continue;
    const check = 10 - remainder;
    if (check > 9 || check < 0) continue;
    return nine + String(check);
  }
}

export function corruptUln(rng: Rng): string {
  return corruptLastDigit(uln(rng), (c) => ulnValid(c) || nhsValid(c), rng);
}

// ---- UPN (check letter) --------------------------------------------------------------------------

const LA_CODES = [201, 202, 303, 330, 335, 370, 380, 383, 420, 881, 886, 931];

export function upn(rng: Rng): string {
  const body = pad(rng.pick(LA_CODES), 3) + pad(rng.int(1000, 7999), 4) + pad(rng.int(12, 24), 2) + rng.digits(3);
  return upnCheckLetter(body) + body;
}

export function corruptUpn(rng: Rng): string {
  const valid = upn(rng);
  const letters = "ABCDEFGHJKLMNPQRTUVWXYZ";
  const wrong = letters[(letters.indexOf(valid[0] ?? "A") + rng.int(1, 22)) % 23] ?? "A";
  return wrong + valid.slice(1);
}

// ---- National Insurance number -------------------------------------------------------------------

const NI_FIRST = "ABCEGHJKLMNOPRSTWXYZ";
const NI_SECOND = "ABCEGHJKLMNPRSTWXYZ";
const NI_BANNED = ["BG", "GB", "NK", "KN", "TN", "NT", "ZZ"];

export function niNumber(rng: Rng, spaced = true): string {
  for (;;) {
    const prefix = rng.pick([...NI_FIRST]) + rng.pick([...NI_SECOND]);
    if (NI_BANNED.includes(prefix)) continue;
    const six = rng.digits(6);
    const suffix = rng.pick(["A", "B", "C", "D"]);
    return spaced ? `${prefix} ${six.slice(0, 2)} ${six.slice(2, 4)} ${six.slice(4)} ${suffix}` : prefix + six + suffix;
  }
}

/** Fails the prefix rules (D, F, I, Q, U, V first; O second; or a banned pair). */
export function corruptNiNumber(rng: Rng): string {
  const prefix = rng.pick(["DA", "FB", "QQ", "UH", "VK", "AO", "BG", "GB", "TN", "ZZ"]);
  const six = rng.digits(6);
  return `${prefix} ${six.slice(0, 2)} ${six.slice(2, 4)} ${six.slice(4)} ${rng.pick(["A", "B", "C", "D"])}`;
}

// ---- Bank details --------------------------------------------------------------------------------

export function sortCode(rng: Rng): string {
  return `${pad(rng.int(10, 99), 2)}-${rng.digits(2)}-${rng.digits(2)}`;
}

export function accountNumber(rng: Rng): string {
  return String(rng.int(1, 9)) + rng.digits(7);
}

function mod97(numeric: string): number {
  let remainder = 0;
  for (const char of numeric) remainder = (remainder * 10 + Number(char)) % 97;
  return remainder;
}

function ibanNumeric(text: string): string {
  let out = "";
  for (const char of text) out += /[A-Z]/.test(char) ? String(char.charCodeAt(0) - 55) : char;
  return out;
}

/** A GB IBAN (bank code + sort code + account) whose check digits satisfy mod 97 = 1. */
export function ibanGb(rng: Rng, compact = false): string {
  const bban = rng.pick(["NWBK", "BARC", "LOYD", "HBUK", "MIDL"]) + rng.digits(6) + accountNumber(rng);
  const check = pad(98 - mod97(ibanNumeric(bban + "GB00")), 2);
  const iban = "GB" + check + bban;
  return compact ? iban : iban.replace(/(.{4})/g, "$1 ").trim();
}

export function corruptIbanGb(rng: Rng): string {
  const valid = ibanGb(rng, true);
  const check = Number(valid.slice(2, 4));
  const wrong = pad(((check + rng.int(1, 50)) % 97) + 2, 2);
  return ("GB" + (wrong === valid.slice(2, 4) ? pad((check % 90) + 3, 2) : wrong) + valid.slice(4))
    .replace(/(.{4})/g, "$1 ")
    .trim();
}

// ---- Passport, driving licence -------------------------------------------------------------------

export function passportNumber(rng: Rng): string {
  return String(rng.int(1, 9)) + rng.digits(8);
}

/** DVLA layout: surname (5, padded with 9), decade, month (+5 for women), day, year, initials, digit, 2 letters. */
export function drivingLicence(rng: Rng, surname: string, first: string): string {
  const letters = (surname.toUpperCase().replace(/[^A-Z]/g, "") + "99999").slice(0, 5);
  const year = rng.int(60, 99);
  const month = rng.int(1, 12) + (rng.chance(0.5) ? 50 : 0);
  const day = rng.int(1, 28);
  const initials = (first.toUpperCase().replace(/[^A-Z]/g, "") + "9").slice(0, 1) + "9";
  return `${letters}${String(year)[0]}${pad(month, 2)}${pad(day, 2)}${String(year)[1]}${initials}${rng.int(0, 9)}${rng.pick(["AB", "CD", "XY", "LM"])}`;
}

// ---- Phones (Ofcom drama ranges) -----------------------------------------------------------------

export function mobileNumber(rng: Rng): string {
  return `07700 900${pad(rng.int(0, 999), 3)}`;
}

export function landlineNumber(rng: Rng): string {
  return rng.pick([
    `0161 496 0${pad(rng.int(0, 999), 3)}`,
    `0113 496 0${pad(rng.int(0, 999), 3)}`,
    `0117 496 0${pad(rng.int(0, 999), 3)}`,
    `020 7946 0${pad(rng.int(0, 999), 3)}`,
    `0191 498 0${pad(rng.int(0, 999), 3)}`,
  ]);
}

// ---- People and places ---------------------------------------------------------------------------

export const FIRST_NAMES = [
  "Oliver",
  "Amelia",
  "Harry",
  "Isla",
  "Jack",
  "Ava",
  "Noah",
  "Mia",
  "Charlie",
  "Ivy",
  "George",
  "Freya",
  "Leo",
  "Lily",
  "Oscar",
  "Grace",
  "Alfie",
  "Sophia",
  "Arthur",
  "Evie",
  "Theo",
  "Poppy",
  "Muhammad",
  "Aisha",
] as const;

/** Surnames chosen to read as ordinary but to be invented combinations with the first names above. */
export const SURNAMES = [
  "Ashdown",
  "Brackley",
  "Carrow",
  "Dunmore",
  "Elsworth",
  "Fenwick",
  "Garside",
  "Hollins",
  "Ingleby",
  "Jessop",
  "Kershaw",
  "Lindley",
  "Marchbank",
  "Northcott",
  "Oakridge",
  "Pendleton",
  "Quarmby",
  "Radcliffe",
  "Sowerby",
  "Thwaite",
  "Underhill",
  "Varley",
  "Whitlam",
  "Yeadon",
] as const;

export interface Person {
  readonly first: string;
  readonly last: string;
  readonly title: string;
}

export function person(rng: Rng): Person {
  return { first: rng.pick(FIRST_NAMES), last: rng.pick(SURNAMES), title: rng.pick(["Mr", "Mrs", "Ms", "Miss", "Dr"]) };
}

const STREETS = [
  "Acacia Avenue",
  "Mill Lane",
  "Station Road",
  "Church Street",
  "Orchard Close",
  "Highfield Road",
  "Meadow Way",
];
const TOWNS: readonly [string, string][] = [
  ["Chelmsford", "CM2"],
  ["Bradford", "BD5"],
  ["Walsall", "WS3"],
  ["Rugby", "CV22"],
  ["Lewisham", "SE13"],
  ["Leeds", "LS6"],
];

export interface Address {
  readonly line: string;
  readonly town: string;
  readonly postcode: string;
}

/** An invented address: real-looking outward code, unallocated "9xx" inward code. */
export function address(rng: Rng): Address {
  const [town, outward] = rng.pick(TOWNS);
  const inward = `9${rng.pick(["XA", "XB", "YA", "YB", "XX", "YY", "ZX"])}`;
  return { line: `${rng.int(2, 180)} ${rng.pick(STREETS)}`, town, postcode: `${outward} ${inward}` };
}

export function formatAddress(value: Address, separator = ", "): string {
  return [value.line, value.town, value.postcode].join(separator);
}

const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

export function childBirthDate(rng: Rng, numeric: boolean): string {
  const day = rng.int(1, 28);
  const month = rng.int(1, 12);
  const year = rng.int(2010, 2020);
  return numeric ? `${pad(day, 2)}/${pad(month, 2)}/${year}` : `${day} ${MONTH_NAMES[month - 1] ?? "May"} ${year}`;
}

export function schoolDate(rng: Rng): string {
  const day = rng.int(1, 28);
  const month = rng.int(1, 12);
  return rng.chance(0.5) ? `${pad(day, 2)}/${pad(month, 2)}/2025` : `${day} ${MONTH_NAMES[month - 1] ?? "May"} 2025`;
}

// ---- Additions for the personal-data corpus (test/corpus/generate-personal-data.ts) ----------------

/**
 * Invented-looking given names that the detectors' given-name list does NOT contain, so the corpus
 * measures recall on names the lexicon has never seen (found only by title or by "our pupil …").
 */
export const UNLISTED_FIRST_NAMES = ["Kofi", "Elodie", "Bartosz", "Siobhan", "Tomasz", "Ffion", "Rhys", "Oluwaseun"];

/** A temporary UPN: two-digit serial and a final letter (never I, O or S), with its check letter. */
export function temporaryUpn(rng: Rng): string {
  const body =
    pad(rng.pick(LA_CODES), 3) +
    pad(rng.int(1000, 7999), 4) +
    pad(rng.int(12, 24), 2) +
    rng.digits(2) +
    rng.pick([..."ABCDEFGHJKLMNPQRTUVWXYZ"]);
  return upnCheckLetter(body) + body;
}

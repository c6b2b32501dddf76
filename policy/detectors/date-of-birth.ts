import { BIRTH_CONTEXT } from "../data/personal-data/lexicon.js";
import { DAY_MONTH_DATE, ISO_DATE, MONTH_DAY_DATE, NUMERIC_DATE } from "../data/personal-data/patterns.js";
import { forEachMatch, hasPhrase, windowAfter, windowBefore, type Candidate, type Scan } from "./text.js";

/**
 * Dates of birth: a date WITH birth context ("DOB", "date of birth", "born on", "birthday") shortly
 * before it, or "(DOB)" right after it. Every other date (trips, meetings, deadlines) is not one.
 * In a subject line, a full date at least `SUBJECT_BIRTH_YEARS` years back needs no birth word ("Leo
 * Sanchez 14/08/2010"): subjects carry the dates of what is coming or just happened, not of years ago.
 *
 * @param now the date "years back" counts from (the time of the check; a parameter for tests).
 */
export function detectDatesOfBirth(scan: Scan, out: Candidate[], now: Date = new Date()): void {
  const subject = scan.location === "subject";
  // Cheap prefilter: no birth word anywhere, no date of birth (except the subject's old dates).
  if (!subject && !mentionsBirth(scan.lower)) return;
  const latestBirthYear = now.getFullYear() - SUBJECT_BIRTH_YEARS;
  const birthList = birthListReader(scan.lower);
  const visit = (start: number, end: number, day: number, month: number, year?: number) => {
    if (day < 1 || day > 31 || month < 1 || month > 12) return;
    // "Shakespeare was born on 23 April 1564": no one living, so no one's personal data.
    if (year !== undefined && year < 1900) return;
    if (subject && year !== undefined && year > 1900 && year <= latestBirthYear) {
      out.push({ type: "date-of-birth", start, end, confidence: 0.8 });
      return;
    }
    const before = windowBefore(scan.lower, start, 30);
    // Further back within the same sentence: "Jack's date of birth on our records is 03/05/2013".
    const sentence = sentenceBefore(scan.lower, start, 60);
    // Context after the date too: "04/06/2016 is her birthday", "12.9.15 (DOB)".
    const after = windowAfter(scan.lower, end, 30);
    if (
      !hasPhrase(before, BIRTH_CONTEXT) &&
      !hasPhrase(sentence, BIRTH_CONTEXT) &&
      !hasPhrase(after, AFTER_CONTEXT) &&
      !isBirthLabel(scan.lower, start) &&
      !inBirthColumn(scan.lower, start) &&
      !birthList(start)
    ) {
      return;
    }
    out.push({ type: "date-of-birth", start, end, confidence: 0.95 });
  };
  // A two-digit year is not a year the subject rule can trust ("14/08/10" may be a form's date).
  const fullYear = (text: string | undefined) => (text !== undefined && text.length === 4 ? Number(text) : undefined);
  forEachMatch(NUMERIC_DATE, scan.text, (match) => {
    visit(match.index, match.index + match[0].length, Number(match[1]), Number(match[2]), fullYear(match[3]));
  });
  forEachMatch(ISO_DATE, scan.text, (match) => {
    visit(match.index, match.index + match[0].length, Number(match[3]), Number(match[2]), fullYear(match[1]));
  });
  // Month names are checked by the pattern; day 1 of the month stands in for the month check.
  forEachMatch(DAY_MONTH_DATE, scan.text, (match) => {
    visit(match.index, match.index + match[0].length, Number(match[1]), 1, fullYear(match[2]));
  });
  forEachMatch(MONTH_DAY_DATE, scan.text, (match) => {
    visit(match.index, match.index + match[0].length, Number(match[1]), 1, fullYear(match[2]));
  });
}

/** How many years back a subject's date must be to be read as a date of birth (pupils are 2 to 19). */
const SUBJECT_BIRTH_YEARS = 2;

const AFTER_CONTEXT = ["dob", "d.o.b", "date of birth", "birthday", "born"];

/** A form line "Child's date of birth (as on the certificate): 01/02/2016": the label holds the context. */
function isBirthLabel(lower: string, start: number): boolean {
  const lineStart = lower.lastIndexOf("\n", start - 1) + 1;
  if (start - lineStart > 80) return false;
  const label = lower.slice(lineStart, start);
  return label.indexOf(":") !== -1 && hasPhrase(label, BIRTH_CONTEXT);
}

/** Cell separators of a table written as text: a tab (tables in HTML mail come out so), a bar, a comma. */
const CELL_SEPARATORS = ["\t", "|", ","];
/** How many rows above a date its table's header may be, and how long a row may be (characters). */
const HEADER_ROWS = 40;
const ROW_LENGTH = 400;

/**
 * Is the date at `start` in a table column headed by a birth word ("Name | DOB | Class", then "Kacper
 * Nowak | 03/04/2015 | 5B")? The header is the nearest row above, within HEADER_ROWS, holding a birth
 * word in the cell of the same number, cells split by the same separator.
 */
function inBirthColumn(lower: string, start: number): boolean {
  const lineStart = lower.lastIndexOf("\n", start - 1) + 1;
  // A row is short; a megabyte on one line is no table (and reading it per date would be quadratic).
  if (start - lineStart > ROW_LENGTH) return false;
  const before = lower.slice(lineStart, start);
  for (const separator of CELL_SEPARATORS) {
    if (before.indexOf(separator) === -1) continue;
    const column = before.split(separator).length - 1;
    let end = lineStart - 1;
    for (let row = 0; row < HEADER_ROWS && end > 0; row++) {
      const from = lower.lastIndexOf("\n", end - 1) + 1;
      if (end - from > ROW_LENGTH) return false;
      const cells = lower.slice(from, end).split(separator);
      const cell = cells[column];
      if (cells.length > column && cell !== undefined && hasPhrase(cell, BIRTH_CONTEXT)) return true;
      end = from - 1;
    }
  }
  return false;
}

/** How long a line of a list may be (characters): "Evie-Grace Thornhill - twelfth of June 2016". */
const LIST_LINE = 80;

/**
 * Is the date at an offset on a line of a list introduced by a line that asks for dates of birth and
 * ends with ":" ("…a date of birth for each child:", then "Rhys ap Dafydd - 2.11.2016")? The heading is
 * looked for up to HEADER_ROWS short lines (blank ones too) above; the first line ending with ":"
 * decides. The reader remembers the last line it judged, so the dates of a long list, asked in text
 * order, are each judged from the line above instead of by walking up to the heading again.
 */
function birthListReader(lower: string): (start: number) => boolean {
  // The last line judged: where it starts, and how many rows below its heading it is (-1: in no list).
  let judgedLine = -1;
  let rowsBelow = -1;
  const judge = (lineStart: number, depth: number): number => {
    if (lineStart === judgedLine) return rowsBelow;
    let result = -1;
    if (lineStart > 0 && depth < HEADER_ROWS) {
      const end = lineStart - 1;
      const from = lower.lastIndexOf("\n", end - 1) + 1;
      // The line above's last character other than a space or a tab, read in place.
      let last = end - 1;
      while (last >= from && (lower.charCodeAt(last) === 32 || lower.charCodeAt(last) === 9)) last--;
      if (last >= from && lower.charCodeAt(last) === 58) {
        result = hasPhrase(lower.slice(from, last + 1), BIRTH_CONTEXT) ? 0 : -1;
      } else if (end - from <= LIST_LINE) {
        const above = judge(from, depth + 1);
        result = above !== -1 && above + 1 < HEADER_ROWS ? above + 1 : -1;
      }
    }
    return result;
  };
  return (start) => {
    const lineStart = lower.lastIndexOf("\n", start - 1) + 1;
    if (start - lineStart > LIST_LINE) return false;
    const rows = judge(lineStart, 0);
    judgedLine = lineStart;
    rowsBelow = rows;
    return rows !== -1;
  };
}

/** Up to `size` characters before `start`, from the start of their sentence (after ". ", "!", "?" or a line break). */
function sentenceBefore(lower: string, start: number, size: number): string {
  const window = windowBefore(lower, start, size);
  let from = 0;
  for (let at = window.length - 1; at >= 0; at--) {
    const code = window.charCodeAt(at);
    if (code === 10 || code === 33 || code === 63 || (code === 46 && window.charCodeAt(at + 1) === 32)) {
      from = at + 1;
      break;
    }
  }
  return window.slice(from);
}

// Stryker disable StringLiteral: a prefilter; every BIRTH_CONTEXT and AFTER_CONTEXT phrase contains "birth", "born", "dob" or "d.o.b", so an always-true test changes only speed
function mentionsBirth(lower: string): boolean {
  return (
    lower.indexOf("birth") !== -1 ||
    lower.indexOf("born") !== -1 ||
    lower.indexOf("dob") !== -1 ||
    lower.indexOf("d.o.b") !== -1
  );
}
// Stryker restore StringLiteral

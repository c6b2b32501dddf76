import { describe, expect, it } from "vitest";
import { detectDatesOfBirth } from "./date-of-birth.js";
import { makeScan, type Candidate, type Scan } from "./text.js";

// "Now" for the subject rule: 11 March 2025, so a subject's date of 2023 or earlier is two years back.
const NOW = new Date("2025-03-11T12:00:00Z");

function dates(text: string, location: Scan["location"] = "body"): string[] {
  const out: Candidate[] = [];
  detectDatesOfBirth(makeScan(text, location, { start: text.length, end: text.length }, 0), out, NOW);
  return out.map((found) => `${found.type} ${text.slice(found.start, found.end)} ${found.confidence}`);
}

describe("detectDatesOfBirth in a body", () => {
  it.each([
    ["DOB before a numeric date", "DOB: 04/07/2016.", "04/07/2016"],
    ["D.O.B. alone", "D.O.B. 04/07/2016", "04/07/2016"],
    ["a list announced with dates of birth", "Passengers with dates of birth: Mia Shaw 04/07/2016", "04/07/2016"],
    ["born before an ISO date", "She was born 2016-07-04 in Leeds.", "2016-07-04"],
    ["born on, day and month name", "She was born on 4 July 2016.", "4 July 2016"],
    ["birthday, month name first", "Birthday: July 4th, 2016", "July 4th, 2016"],
    ["(DOB) after the date", "Jack Smith 04/07/2016 (DOB)", "04/07/2016"],
    ["birthday after the date", "04/07/2016 is her birthday.", "04/07/2016"],
    ["the first day of the first month", "DOB 1/1/2015", "1/1/2015"],
    ["the last day of the last month", "DOB 31/12/2015", "31/12/2015"],
    ["the year 1900", "Born 01/01/1900", "01/01/1900"],
    [
      "a label without a colon, in one sentence",
      "Child's date of birth as on the certificate is 04/07/2016",
      "04/07/2016",
    ],
    [
      "birth context further back in the same sentence",
      "Jack's date of birth on our records is 03/05/2013.",
      "03/05/2013",
    ],
    [
      "a form label holding the context",
      "Name: Jack Smith\nChild's date of birth (as on the certificate): 04/07/2016",
      "04/07/2016",
    ],
  ])("%s", (_what, text, date) => {
    expect(dates(text)).toEqual([`date-of-birth ${date} 0.95`]);
  });

  // A table's column headed by a birth word, rows far below the header (tabs: HTML tables come out so).
  it.each([
    ["tabs", "Name\tDOB\tClass\nAmy Shaw\t05/06/2015\t5C\nLeo Ray\t07/08/2015\t5C"],
    ["bars", "Name | Date of birth\nAmy Shaw | 05/06/2015\nLeo Ray | 07/08/2015"],
    ["commas", "name, dob, class\nAmy Shaw, 05/06/2015, 5C\nLeo Ray, 07/08/2015, 5C"],
  ])("every row of a birth-date column (%s)", (_what, text) => {
    expect(dates(text)).toEqual(["date-of-birth 05/06/2015 0.95", "date-of-birth 07/08/2015 0.95"]);
  });

  // A list under a line that asks for dates of birth and ends with ":" (development part Y).
  it.each([
    [
      "dashes, a blank line between",
      "The organisers want a date of birth for each child:\n\nEvie-Grace Thornhill - 2.11.2016\nRhys ap Dafydd - 30th Jan 2017",
    ],
    [
      "names then dates",
      "The insurer needs names and dates of birth. First two below:\nAanya Mehta 2.11.2016\nZara Oduro 30th Jan 2017",
    ],
  ])("every line of a list asked for as dates of birth (%s)", (_what, text) => {
    expect(dates(text)).toEqual(["date-of-birth 2.11.2016 0.95", "date-of-birth 30th Jan 2017 0.95"]);
  });

  it.each([
    [
      "a list under a heading with no birth word",
      "Dates of birth are on SIMS.\nTrips this term:\nYear 3 - 12/03/2026\nYear 4 - 19/03/2026",
    ],
    [
      "a line too long for a list between",
      `Dates of birth for each child:\n${"word ".repeat(20)}\nYear 3 - 12/03/2026`,
    ],
  ])("not %s", (_what, text) => {
    expect(dates(text)).toEqual([]);
  });

  it("not a date in another column of the table", () => {
    const table = "Name\tDOB\tTrip\nAmy Shaw\t05/06/2015\t12/07/2025\nLeonora Raymond-Smith\t07/08/2015\t13/07/2025";
    expect(dates(table)).toContain("date-of-birth 07/08/2015 0.95");
    expect(dates(table)).not.toContain("date-of-birth 13/07/2025 0.95");
  });

  it("not in a row longer than a table's", () => {
    expect(dates(`Name\tDOB\n${"x".repeat(400)}\t05/06/2015`)).toEqual([]);
  });

  it.each([
    ["a date with no birth word", "We met on 14/08/2010."],
    ["a birth word in the sentence before", "Jo's baby was born last week, a girl. The trip is on 04/07/2025."],
    [
      "a date with a birth word elsewhere",
      "Birthday cards are in the office by the stairs. The trip is on 04/07/2025.",
    ],
    ["day 0", "DOB 00/07/2016"],
    ["day 32", "DOB 32/07/2016"],
    ["month 0", "DOB 04/00/2016"],
    ["month 13", "DOB 04/13/2016"],
    ["no one living", "Shakespeare was born on 23 April 1564."],
    // A line that names the birth date but ends before the date: the date on the next line is another.
    [
      "a label without a colon, the date on its own line",
      "Child's date of birth as on the certificate\nTrip 04/07/2026",
    ],
    [
      "a label longer than 80 characters",
      `Child's date of birth (${"as written on the certificate the registrar gave them ".repeat(2)}): 04/07/2016`,
    ],
  ])("not %s", (_what, text) => {
    expect(dates(text)).toEqual([]);
  });
});

describe("detectDatesOfBirth in a subject", () => {
  it.each([
    ["an old full date after a name", "Leo Sanchez 14/08/2010", ["date-of-birth 14/08/2010 0.8"]],
    ["a full date exactly two years back", "Leo Sanchez 14/08/2023", ["date-of-birth 14/08/2023 0.8"]],
    ["a recent date", "Trip 14/08/2024", []],
    ["a two-digit year", "Form 14/08/10", []],
    ["the year 1900", "Letter 01/01/1900", []],
    ["a recent date with DOB", "DOB 14/08/2024", ["date-of-birth 14/08/2024 0.95"]],
  ])("%s", (_what, subject, expected) => {
    expect(dates(subject, "subject")).toEqual(expected);
  });
});

describe("detectDatesOfBirth: where the birth words may stand", () => {
  // The label is 80 characters up to the date: the longest a form label may be.
  const label80 = `${"Child's date of birth (as on the certificate".padEnd(77, " ")}): `;

  it.each([
    // A word at index 1 of the text is still seen by the quick check for birth words.
    ["birthday in brackets", "(birthday 04/07/2016)", "04/07/2016"],
    ["born in brackets", "(born 04/07/2016)", "04/07/2016"],
    ["dob in brackets", "(dob 04/07/2016)", "04/07/2016"],
    ["d.o.b in brackets", "(d.o.b 04/07/2016)", "04/07/2016"],
    // A two-digit year is no year before 1900: the date stands.
    ["a two-digit year", "DOB: 04/07/16", "04/07/16"],
    ["a label of exactly 80 characters", `${label80}04/07/2016`, "04/07/2016"],
    // The 80 characters count from the start of the date's own line, not of the text.
    [
      "a 70-character label on the second line",
      `Name: Jack Smith\n${"Child's date of birth (as on the certificate".padEnd(67, " ")}): 04/07/2016`,
      "04/07/2016",
    ],
    // A full stop ends a sentence only before a space: "no.7" does not.
    ["a full stop inside a reference", "She was born in Leeds (see file no.7) and came on 04/07/2016.", "04/07/2016"],
  ])("%s", (_what, text, date) => {
    expect(dates(text)).toEqual([`date-of-birth ${date} 0.95`]);
  });

  it.each([
    ["a label of 81 characters", `${label80} 04/07/2016`],
    // "?" and "!" end the sentence that holds the birth word.
    ["a birth word before a question mark", "Was she born early in the spring? The trip is on 04/07/2025."],
    ["a birth word before an exclamation mark", "Was she born early in the spring! The trip is on 04/07/2025."],
    // The label is the date's own line: a birth label on the line before belongs to another date.
    ["a label on the line before", "Date of birth: on the form we sent home last week.\nTrip: 04/07/2026"],
  ])("not %s", (_what, text) => {
    expect(dates(text)).toEqual([]);
  });
});

import { defaultCitation, defineRule } from "../define.js";
import { JOINING_WORD, removeSpans } from "../../engine/fix.js";
import { REPLY_PREFIX } from "../../engine/normalize.js";
import type { Message } from "../../engine/message.js";
import type { Entity, Fix } from "../../engine/types.js";
import { describeEntities, entityTexts, sensitiveEntities } from "./sensitive.js";

/**
 * What the subject becomes when nothing useful is left once the identifying phrase is gone. Not "Pupil
 * matter": a new user's trial was offered it for a colleague's sickness absence.
 */
export const NEUTRAL_SUBJECT = "Confidential matter";

/** Words that only label or place the data next to a name: "DOB", "NHS no.", "7C", "Y6", "Year 3". */
const LABEL_WORDS = new Set([
  "dob",
  "d.o.b",
  "d.o.b.",
  "nhs",
  "no",
  "no.",
  "number",
  "upn",
  "uln",
  "ni",
  "year",
  "yr",
  "class",
  "form",
  "-",
  "–",
  ",",
  ":",
  "&",
  "and",
]);
const isLabel = (token: string) => {
  const lower = token.toLowerCase().replace(/[,:;]$/, "");
  return LABEL_WORDS.has(lower) || lower === "" || /^\d{1,2}[a-z]{0,2}$/.test(lower) || /^y\d{1,2}$/.test(lower);
};

interface Token {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

function tokens(text: string): Token[] {
  const found: Token[] = [];
  const pattern = /\S+/g;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(text)) !== null)
    found.push({ start: match.index, end: match.index + match[0].length, text: match[0] });
  return found;
}

/**
 * The whole identifying phrase of a subject in its folded text: from the first to the last word holding
 * personal data (names, class, sensitive words, identifiers and what lies between), widened over the
 * labels and class codes next to it ("DOB", "7C", "Year 3").
 */
export function identifyingPhrase(folded: string, entities: readonly Entity[]): { start: number; end: number } {
  const words = tokens(folded);
  const marked = words.map((word) => entities.some((entity) => entity.start < word.end && entity.end > word.start));
  let first = marked.indexOf(true);
  let last = marked.lastIndexOf(true);
  if (first === -1) return { start: 0, end: 0 };
  while (first > 0 && isLabel((words[first - 1] as Token).text)) first--;
  while (last < words.length - 1 && isLabel((words[last + 1] as Token).text)) last++;
  return { start: (words[first] as Token).start, end: (words[last] as Token).end };
}

/**
 * The subject without the phrase, or undefined when too little would be left to mean anything (fewer
 * than two words of three letters besides "RE:" and the words that only join others: "Medication for
 * Harry" without "Medication" is not the subject "for Harry", as a new user's fix made it).
 */
export function subjectWithout(subject: string, phrase: { start: number; end: number }): string | undefined {
  const rest = removeSpans(subject, [phrase]).replace(REPLY_PREFIX, "");
  const meaningful = rest.split(/\s+/).filter((word) => /[a-z]{3}/i.test(word) && !JOINING_WORD.test(word)).length;
  return meaningful >= 2 ? removeSpans(subject, [phrase]) : undefined;
}

/** The neutral subject the sender can edit, keeping "RE:" / "FW:". */
export function neutralSubject(subject: string): string {
  return `${REPLY_PREFIX.exec(subject)?.[0] ?? ""}${NEUTRAL_SUBJECT}`;
}

export default defineRule({
  meta: {
    id: "personal-data-in-subject",
    category: "personal-data-in-subject",
    defaultSeverity: "nudge",
    clause: "personal-data-in-subject",
    fallbackCitation: defaultCitation(
      "Data security",
      "Subject lines are not encrypted and are shown in lists and notifications: keep personal data out of them.",
    ),
    docs: "Identifiers, dates of birth or a named person's sensitive details in the subject line, which is never encrypted.",
    messages: {
      subject: "The subject line contains {{what}}. Subject lines are never encrypted: take it out.",
    },
  },
  check({ draft, pack, bodyText, personalData, message }) {
    const inSubject = sensitiveEntities(personalData, "subject");
    if (inSubject.length === 0) return [];
    // The send bundle (SPG_SEND_TIME) leaves the fix out: a Smart Alert cannot apply one, and the pane
    // analyses the draft afresh (about 600 bytes of the 60 kB).
    const fix = process.env.SPG_SEND_TIME === "1" ? undefined : subjectFix(draft.subject, personalData, message);
    return [
      {
        messageId: "subject",
        // Stryker disable next-line ArrayDeclaration: inSubject holds subject entities only, so the attachment names are never read
        data: { what: describeEntities(inSubject, entityTexts(draft.subject, bodyText, [])) },
        location: "subject",
        spans: inSubject.map(({ start, end }) => ({ start, end })),
        severity: pack.personalData.blockInSubject ? "block" : "nudge",
        // A school whose policy says nothing of subject lines still forbids sending confidential data
        // carelessly: that clause is the reason to cite, not our own default.
        ...(pack.clauses["personal-data-in-subject"] ? {} : { clause: "personal-data" }),
        ...(fix ? { fix } : {}),
      },
    ];
  },
});

/**
 * Takes out the phrase that names the person ("Jack Smith 7C EHCP" without "EHCP" still names the pupil
 * next to the class) where what is left still says what the mail is about; else a neutral subject. A
 * detail found beside a given name the subject sets off ("Maisie - asthma pump") leaves the name and a
 * fragment behind ("Maisie pump", a teacher's trial): the name is no entity of its own to take out with it.
 */
function subjectFix(subject: string, personalData: readonly Entity[], message: Message): Fix {
  const subjectEntities = personalData.filter((entity) => entity.location === "subject");
  const phrase = identifyingPhrase(message.subject.text, subjectEntities);
  const source = { start: message.subject.toSource(phrase.start), end: message.subject.toSourceEnd(phrase.end) };
  const nameLeft =
    subjectEntities.some((entity) => entity.type === "special-category") &&
    !subjectEntities.some((entity) => entity.type === "person-name");
  return nameLeft || subjectWithout(subject, source) === undefined
    ? { kind: "replace-subject", text: neutralSubject(subject) }
    : { kind: "remove-subject-spans", spans: [phrase] };
}

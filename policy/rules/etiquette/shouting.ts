import { defaultCitation, defineRule } from "../define.js";
import { ownSubject } from "../text.js";
import { SCHOOL_ACRONYMS } from "../../data/etiquette/acronyms.js";
import type { RuleReport, Span } from "../../engine/types.js";
import type { PolicyPack } from "../../pack/schema.js";

const WORD = /[a-z][a-z'&-]*/gi;
const BUILT_IN = new Set(SCHOOL_ACRONYMS.map((acronym) => acronym.toUpperCase()));

/** Sentences (or the subject) written in capitals, counting no acronym and no one-letter word. */
export function shoutingSpans(text: string, pack: PolicyPack): Span[] {
  const { minLetters, maxCapitalRatio, acronyms } = pack.etiquette.shouting;
  const own = acronyms.map((acronym) => acronym.toUpperCase());
  const spans: Span[] = [];
  let sentenceStart = 0;
  let rawCapitals = 0;
  for (let index = 0; index <= text.length; index++) {
    const code = text.charCodeAt(index);
    // 10 \n, 46 ".", 33 "!", 63 "?" end a sentence.
    if (index < text.length && code !== 10 && code !== 46 && code !== 33 && code !== 63) {
      // Stryker disable next-line LogicalOperator: a prefilter only; counting every character sends more sentences to the word analysis below, which counts the capitals itself
      if (code >= 65 && code <= 90) rawCapitals++;
      continue;
    }
    // Most sentences have too few capitals to shout: skip the word analysis for them (hot path on big bodies).
    // Stryker disable next-line BlockStatement: a prefilter only; without the skip the sentence goes to the word analysis, which finds no more capitals than the raw count and resets the same state
    if (rawCapitals < minLetters) {
      sentenceStart = index + 1;
      rawCapitals = 0;
      continue;
    }
    rawCapitals = 0;
    const sentence = text.slice(sentenceStart, index);
    let capitals = 0;
    let letters = 0;
    WORD.lastIndex = 0;
    let match: RegExpExecArray | null;
    while ((match = WORD.exec(sentence)) !== null) {
      const word = match[0];
      const upper = word.toUpperCase();
      if (word.length < 2 || (word === upper && (BUILT_IN.has(upper) || own.indexOf(upper) !== -1))) continue;
      for (let i = 0; i < word.length; i++) {
        const code = word.charCodeAt(i);
        if (code >= 65 && code <= 90) capitals++;
        if ((code | 32) >= 97 && (code | 32) <= 122) letters++;
      }
    }
    if (capitals >= minLetters && capitals / letters >= maxCapitalRatio) {
      // trimStart/trimEnd are ES2019: count the blanks by hand for classic Outlook's runtime.
      let leading = 0;
      while (leading < sentence.length && sentence.charAt(leading).trim() === "") leading++;
      let trailing = sentence.length;
      while (trailing > leading && sentence.charAt(trailing - 1).trim() === "") trailing--;
      spans.push({ start: sentenceStart + leading, end: sentenceStart + trailing });
    }
    sentenceStart = index + 1;
  }
  return spans;
}

export default defineRule({
  meta: {
    id: "shouting",
    category: "shouting",
    defaultSeverity: "nudge",
    clause: "shouting",
    fallbackCitation: defaultCitation(
      "E-mail etiquette",
      "Writing in capital letters reads as shouting; write as professionally as a letter.",
    ),
    docs: "Sentences or a subject written in capital letters read as shouting; school acronyms never count.",
    messages: {
      subject: "The subject is in capitals, which reads as shouting.",
      body: "{{count}} sentence(s) are in capitals, which reads as shouting.",
    },
  },
  check({ pack, message }) {
    const reports: RuleReport[] = [];
    // The sender's own words only: capitals in the message they reply to are not theirs.
    const subjectSpans = shoutingSpans(ownSubject(message.subject.text), pack);
    if (subjectSpans.length > 0) reports.push({ messageId: "subject", location: "subject", spans: subjectSpans });
    const bodySpans = shoutingSpans(message.own, pack);
    if (bodySpans.length > 0) {
      reports.push({ messageId: "body", data: { count: bodySpans.length }, location: "body", spans: bodySpans });
    }
    return reports;
  },
});

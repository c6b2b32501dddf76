import { defaultCitation, defineRule } from "../define.js";
import { CLOSINGS } from "../../data/etiquette/closings.js";
import { nonEmptyLines } from "../text.js";

/** One of the last few lines of the sender's own text starts with a sign-off. */
export function hasClosing(ownWithSignOff: string): boolean {
  const lines = nonEmptyLines(ownWithSignOff).slice(-8);
  return lines.some((line) => {
    const lower = line.toLowerCase();
    return line.length <= 60 && CLOSINGS.some((closing) => lower.indexOf(closing) === 0);
  });
}

export default defineRule({
  meta: {
    id: "closing",
    category: "closing",
    defaultSeverity: "nudge",
    clause: "closing",
    fallbackCitation: defaultCitation("E-mail etiquette", "Close an e-mail courteously."),
    docs: "Where the school asks for courteous closings, a message should end with one ('Kind regards', 'Best wishes').",
    messages: { missing: "Add a closing, such as 'Kind regards' or 'Best wishes'." },
  },
  check({ pack, message }) {
    if (!pack.etiquette.closingRequired || message.ownWithSignOff.trim().length === 0) return [];
    return hasClosing(message.ownWithSignOff) ? [] : [{ messageId: "missing", location: "body" }];
  },
});

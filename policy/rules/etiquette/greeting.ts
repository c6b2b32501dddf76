import { defaultCitation, defineRule } from "../define.js";
import { GREETINGS } from "../../data/etiquette/greetings.js";
import { nonEmptyLines, ownText } from "../text.js";

/** A first line that opens with a greeting, or is just a name followed by a comma ("Sarah,"). */
export function hasGreeting(bodyText: string): boolean {
  const first = (nonEmptyLines(ownText(bodyText))[0] ?? "").toLowerCase();
  if (GREETINGS.some((greeting) => first.indexOf(greeting) === 0)) return true;
  return /^[a-z][a-z' -]{0,40},$/.test(first);
}

export default defineRule({
  meta: {
    id: "greeting",
    category: "greeting",
    defaultSeverity: "nudge",
    clause: "greeting",
    fallbackCitation: defaultCitation("E-mail etiquette", "Open an e-mail with a courteous greeting."),
    docs: "Where the school asks for courteous greetings, a message should open with one ('Dear…', 'Hello…').",
    messages: { missing: "Add a greeting, such as 'Dear …' or 'Hello …'." },
  },
  check({ pack, bodyText }) {
    if (!pack.etiquette.greetingRequired || bodyText.trim().length === 0) return [];
    return hasGreeting(bodyText) ? [] : [{ messageId: "missing", location: "body" }];
  },
});

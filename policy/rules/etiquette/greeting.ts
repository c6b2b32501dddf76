import { defaultCitation, defineRule } from "../define.js";
import { GREETINGS } from "../../data/etiquette/greetings.js";
import { firstNonEmptyLine } from "../text.js";
import { inThreadBetweenColleagues } from "./between-colleagues.js";

/**
 * A first line that opens with a greeting, or with thanks ("Thanks Raj, will do.", "Thank you for your
 * email": a courteous opening, a new user's trial), or is just a name followed by a comma ("Sarah,").
 */
export function hasGreeting(own: string): boolean {
  const first = firstNonEmptyLine(own).toLowerCase();
  if (GREETINGS.some((greeting) => first.indexOf(greeting) === 0)) return true;
  // Here, not in GREETINGS: the signature reader reads that list too, and a closing "Thanks," is no opening.
  if (/^(?:many )?thanks\b|^thank you\b/.test(first)) return true;
  return /^[a-z][a-z' -]{0,40},$/.test(first);
}

export default defineRule({
  meta: {
    id: "greeting",
    category: "greeting",
    defaultSeverity: "info",
    clause: "greeting",
    fallbackCitation: defaultCitation("E-mail etiquette", "Open an e-mail with a courteous greeting."),
    docs: "Where the school asks for courteous greetings, a message should open with one ('Dear…', 'Hello…').",
    messages: { missing: "Add a greeting, such as 'Dear …' or 'Hello …'." },
  },
  appliesTo: (pack) => pack.etiquette.greetingRequired,
  check({ message }) {
    if (message.ownWithSignOff.trim().length === 0) return [];
    if (inThreadBetweenColleagues(message)) return [];
    return hasGreeting(message.ownWithSignOff) ? [] : [{ messageId: "missing", location: "body" }];
  },
});

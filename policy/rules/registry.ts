import type { RuleModule } from "../engine/types.js";
import attachmentSize from "./attachments/attachment-size.js";
import blockedAttachment from "./attachments/blocked-attachment.js";
import chainMail from "./tone/chain-mail.js";
import closing from "./etiquette/closing.js";
import contractualCommitment from "./tone/commitment.js";
import externalRecipientsVisible from "./recipients/external-recipients-visible.js";
import greeting from "./etiquette/greeting.js";
import hostileWording from "./tone/hostile-wording.js";
import lookalikeDomain from "./recipients/lookalike-domain.js";
import misdirectedGreeting from "./recipients/misdirected-greeting.js";
import missingDisclaimer from "./disclaimer/missing-disclaimer.js";
import passwordDisclosed from "./passwords/password-disclosed.js";
import newExternalRecipient from "./recipients/new-external-recipient.js";
import ownContactDetails from "./recipients/own-contact-details.js";
import ownPersonalWebmail from "./recipients/own-personal-webmail.js";
import personalDataInSubject from "./personal-data/personal-data-in-subject.js";
import personalDataInternal from "./personal-data/personal-data-internal.js";
import personalDataToExternal from "./personal-data/personal-data-to-external.js";
import personalUse from "./personal-use/personal-use.js";
import punctuation from "./etiquette/punctuation.js";
import replyAllExternal from "./recipients/reply-all-external.js";
import requiredCc from "./recipients/required-cc.js";
import sensitiveFileName from "./attachments/sensitive-file-name.js";
import shouting from "./etiquette/shouting.js";
import tooManyRecipients from "./recipients/too-many-recipients.js";
import uncheckedRecipients from "./recipients/unchecked-recipients.js";
import unencryptedPersonalData from "./personal-data/unencrypted-personal-data.js";

/** Every rule, sorted by id. Explicit on purpose: nothing is discovered by scanning folders. */
export const rules: readonly RuleModule[] = [
  attachmentSize,
  blockedAttachment,
  chainMail,
  closing,
  contractualCommitment,
  externalRecipientsVisible,
  greeting,
  hostileWording,
  lookalikeDomain,
  misdirectedGreeting,
  missingDisclaimer,
  newExternalRecipient,
  ownContactDetails,
  ownPersonalWebmail,
  passwordDisclosed,
  personalDataInSubject,
  personalDataInternal,
  personalDataToExternal,
  personalUse,
  punctuation,
  replyAllExternal,
  requiredCc,
  sensitiveFileName,
  shouting,
  tooManyRecipients,
  uncheckedRecipients,
  unencryptedPersonalData,
];

export const ruleIds: ReadonlySet<string> = new Set(rules.map((rule) => rule.meta.id));

/**
 * Words for a password written out in a message (the lower-case forms; a plural "s" is allowed by the
 * pattern). Sources: the schools' policies' own words ("passwords", Delius School, LT2, Palfrey Infant
 * School, St Dunstan's Education Group) and the short forms staff write in notes ("pwd", "pw": development
 * part BL's credentials drafts). Not "passcode": a video meeting's, sent to every attendee on purpose.
 */
export const PASSWORD_WORDS: readonly string[] = ["password", "pwd", "pw"];

/**
 * Words just before the password word that make it an access code the school gives out on purpose, not
 * a member of staff's own: a guest Wi-Fi network's key for visitors and parents' evenings. Source: the
 * schools' policies limit confidentiality to passwords "to school systems or equipment" (Delius) and
 * "each user's" (LT2, Palfrey, St Dunstan's).
 */
export const SHARED_ACCESS_WORDS: readonly string[] = ["wifi", "wi-fi", "guest"];

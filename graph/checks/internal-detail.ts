/**
 * What an automatic reply to the whole world should not carry even when it names nobody: the
 * school's internal plumbing. Each entry says why; patterns are bounded (no super-linear backtracking).
 */
export interface InternalDetailPattern {
  readonly id: string;
  readonly label: string;
  readonly why: string;
  readonly pattern: RegExp;
}

export const INTERNAL_DETAIL_PATTERNS: readonly InternalDetailPattern[] = [
  {
    id: "unc-path",
    label: "a network share path",
    why: "Shows the school's server and share names to anyone who writes in.",
    pattern: /\\\\[\w.-]{1,64}\\[\w$.-]{1,64}/,
  },
  {
    id: "drive-path",
    label: "a shared-drive path",
    why: "Points outsiders at internal folders (cover work, pupil files).",
    pattern: /\b[A-Z]:\\[\w .$-]{1,64}/,
  },
  {
    id: "extension",
    label: "an internal phone extension",
    why: "Extensions are for colleagues; outsiders should be sent to the school office.",
    pattern: /\bext(?:ension|\.)?\s?\d{2,5}\b/i,
  },
  {
    id: "sharepoint-link",
    label: "a SharePoint or OneDrive link",
    why: "Reveals the tenant's site structure; outsiders cannot open it anyway.",
    pattern: /\bhttps?:\/\/[\w-]{1,63}(?:-my)?\.sharepoint\.com\/[^\s"<]{0,200}/i,
  },
  {
    id: "cover-work",
    label: "cover or lesson arrangements",
    why: "Cover arrangements name classes and colleagues: for staff, not the public.",
    pattern: /\bcover (?:work|lessons?|arrangements?)\b/i,
  },
];

export function internalDetails(text: string): InternalDetailPattern[] {
  return INTERNAL_DETAIL_PATTERNS.filter((entry) => entry.pattern.test(text));
}

import { describe, expect, it } from "vitest";
import { ruleTester, runRule } from "../../engine/rule-tester.js";
import { loadPolicy } from "../../pack/load.js";
import rule, { extensionOf } from "./blocked-attachment.js";

const draft = (...names: string[]) => ({
  subject: "Files",
  body: "Attached",
  bodyType: "text" as const,
  attachments: names.map((name) => ({ name, size: 1000 })),
});

ruleTester(rule, {
  pack: loadPolicy("st-john-payne"),
  valid: [
    { draft: draft("report.pdf", "photo.JPG") },
    { draft: draft("exe-summary.docx") },
    { draft: draft("tracker.xlsx", "letter.docx") },
  ],
  invalid: [
    { draft: draft("setup.exe"), errors: [{ messageId: "blocked", location: "attachments" }] },
    {
      name: "double extension",
      draft: draft("report.pdf.exe"),
      errors: [{ messageId: "blocked", location: "attachments" }],
    },
    { name: "trailing dot", draft: draft("run.bat."), errors: [{ messageId: "blocked", location: "attachments" }] },
    // Office files that carry macros (Microsoft's common attachments filter blocks docm and ppam by default).
    ...["Annual_review_tracker_macros.xlsm", "Attendance_letters_automated.docm", "quiz.pptm", "tools.xlam"].map(
      (name) => ({
        name: `a macro-enabled file: ${name}`,
        draft: draft(name),
        errors: [{ messageId: "blocked", location: "attachments" as const }],
      }),
    ),
  ],
});

ruleTester(rule, {
  pack: loadPolicy("st-john-payne"),
  valid: [{ name: "a file whose name only contains exe", draft: draft("exe-timetable.pdf") }],
  invalid: [
    {
      name: "every blocked file named, in any case, and the fix removes just those",
      draft: draft("setup.exe", "letter.pdf", "run.BAT"),
      errors: [
        {
          messageId: "blocked",
          location: "attachments",
          data: { names: "setup.exe, run.BAT" },
          fixKind: "remove-attachments",
        },
      ],
    },
  ],
});

describe("blocked-attachment's fix", () => {
  it("removes exactly the blocked files", () => {
    const [finding] = runRule(rule, draft("setup.exe", "letter.pdf", "run.BAT"), loadPolicy("st-john-payne")).findings;
    expect(finding?.fix).toEqual({ kind: "remove-attachments", names: ["setup.exe", "run.BAT"] });
  });
});

describe("extensionOf", () => {
  it.each([
    ["report.pdf.exe", "exe"],
    ["a.exe", "exe"],
    ["Report.EXE. ", "exe"],
    // A tab at the end is trimmed; a space before a trailing dot is ignored as Windows ignores it.
    ["report.exe\t", "exe"],
    ["report.exe .", "exe"],
    ["report.exe. .", "exe"],
    // No dot: no extension.
    ["readme", ""],
    ["...", ""],
  ])("%j → %j", (name, extension) => {
    expect(extensionOf(name)).toBe(extension);
  });
});

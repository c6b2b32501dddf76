import { describe, expect, it } from "vitest";
import { outOfOfficeContent } from "./out-of-office-content.js";
import { context, replies } from "./test-context.js";

const DISCLOSING =
  "<p>I am away. For Ollie Fenwright's EHCP review (DOB 04/05/2016) please call his mum on 07700 900123.</p>";

describe("out-of-office-content", () => {
  it.each([
    [
      "personal data in a reply to everyone",
      replies({ externalReplyMessage: DISCLOSING }),
      "fail",
      /anyone who writes in\) discloses .*date of birth/,
    ],
    [
      "personal data to contacts only",
      replies({ externalAudience: "contactsOnly", externalReplyMessage: DISCLOSING }),
      "warn",
      /their contacts/,
    ],
    [
      "personal data in the internal reply",
      replies({ internalReplyMessage: DISCLOSING }),
      "warn",
      /internal reply discloses/,
    ],
    [
      "a network path to everyone",
      replies({ externalReplyMessage: "<p>Cover work: \\\\fileserver\\science$</p>" }),
      "warn",
      /network share path/,
    ],
    [
      "an extension to everyone",
      replies({ externalAudience: "All", externalReplyMessage: "<p>Away; ring me on ext. 2345.</p>" }),
      "warn",
      /internal phone extension/,
    ],
    [
      "personal data while the reply is not even needed (no absence)",
      replies({ externalReplyMessage: DISCLOSING }),
      "fail",
      /discloses/,
    ],
  ])("reports %s", (_label, setting, status, detail) => {
    const results = outOfOfficeContent.run(context({ replies: setting, absence: undefined }));
    expect(results).toHaveLength(1);
    expect(results[0]?.status).toBe(status);
    expect(results[0]?.detail).toMatch(detail);
  });

  it.each([
    ["a plain reply", replies()],
    [
      "the school office's number",
      replies({ externalReplyMessage: "<p>Away until Monday. The office is on 01632 960202.</p>" }),
    ],
    [
      "internal detail for colleagues only",
      replies({ internalReplyMessage: "<p>Cover work is on S:\\Science\\Year 9, ext. 2345.</p>" }),
    ],
    [
      "internal detail to contacts only",
      replies({ externalAudience: "contactsOnly", externalReplyMessage: "<p>Ring ext. 2345.</p>" }),
    ],
    ["personal data in a reply that is off", replies({ status: "disabled", externalReplyMessage: DISCLOSING })],
    [
      "personal data in an external reply nobody outside gets",
      replies({ externalAudience: "none", externalReplyMessage: DISCLOSING }),
    ],
    ["replies off, even if the text discloses", replies({ status: "disabled", externalReplyMessage: DISCLOSING })],
  ])("passes %s", (_label, setting) => {
    expect(outOfOfficeContent.run(context({ replies: setting }))).toEqual([]);
  });

  it("names every internal detail in one warning", () => {
    const results = outOfOfficeContent.run(
      context({ replies: replies({ externalReplyMessage: "<p>Away. Plans on \\\\srv\\staff and ext. 2345.</p>" }) }),
    );
    expect(results).toEqual([
      {
        status: "warn",
        detail:
          "The external reply goes to anyone who writes in and gives a network share path, an internal phone extension.",
      },
    ]);
  });

  it("is not evaluated, with the reason, when the replies cannot be read", () => {
    expect(outOfOfficeContent.run(context({ replies: { unread: "gone" } }))).toEqual([
      { status: "not-evaluated", detail: "gone" },
    ]);
  });
});

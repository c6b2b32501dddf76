import { describe, expect, it } from "vitest";
import type { MessageRule } from "../graph-types.js";
import { externalForwarding } from "./external-forwarding.js";
import { context } from "./test-context.js";

const rule = (actions: MessageRule["actions"], isEnabled = true): MessageRule => ({
  id: "r1",
  displayName: "Home",
  sequence: 1,
  isEnabled,
  actions,
});
const to = (address: string) => [{ emailAddress: { name: "x", address } }];

describe("external-forwarding", () => {
  it.each([
    [
      "forwardTo a personal address",
      [rule({ forwardTo: to("me@gmail.com") })],
      /^Inbox rule "Home" forwards mail to me@gmail.com\.$/,
    ],
    ["redirectTo a personal address", [rule({ redirectTo: to("me@outlook.com") })], /redirects mail to me@outlook.com/],
    [
      "forwardAsAttachmentTo another school",
      [rule({ forwardAsAttachmentTo: to("head@other-school.sch.uk") })],
      /forwards as an attachment mail to head@other-school.sch.uk/,
    ],
    ["a look-alike of the school's domain", [rule({ forwardTo: to("me@st-john-payne.sch.uk.evil.example") })], /evil/],
    [
      "an outside address among inside ones",
      [rule({ forwardTo: [...to("office@st-john-payne.sch.uk"), ...to("ME@GMAIL.COM")] })],
      /ME@GMAIL.COM/,
    ],
  ])("fails %s", (_label, rules, detail) => {
    const results = externalForwarding.run(context({ rules, absence: undefined }));
    expect(results).toHaveLength(1);
    expect(results[0]?.status).toBe("fail");
    expect(results[0]?.detail).toMatch(detail);
  });

  it("names the rule, the action and every outside address", () => {
    const rules: MessageRule[] = [
      {
        id: "r",
        displayName: null,
        isEnabled: true,
        actions: { redirectTo: [...to("a@gmail.com"), ...to("office@st-john-payne.sch.uk"), ...to("b@icloud.com")] },
      },
    ];
    expect(externalForwarding.run(context({ rules }))).toEqual([
      { status: "fail", detail: 'Inbox rule "(unnamed)" redirects mail to a@gmail.com, b@icloud.com.' },
    ]);
  });

  it("reports each forwarding action of each rule", () => {
    const rules = [
      rule({ forwardTo: to("a@gmail.com"), redirectTo: to("b@gmail.com") }),
      rule({ forwardTo: to("c@gmail.com") }),
    ];
    expect(externalForwarding.run(context({ rules }))).toHaveLength(3);
  });

  it.each([
    ["no rules", []],
    ["forwarding inside the school", [rule({ forwardTo: to("office@st-john-payne.sch.uk") })]],
    ["forwarding to a school subdomain", [rule({ redirectTo: to("head@staff.st-john-payne.sch.uk") })]],
    ["a disabled rule to outside", [rule({ forwardTo: to("me@gmail.com") }, false)]],
    ["a rule that only files mail", [rule({ moveToFolder: "AAMk=" })]],
    ["a rule without actions", [rule(undefined)]],
    ["a rule whose actions are null", [rule(null)]],
    ["a rule whose isEnabled is null", [{ ...rule({ forwardTo: to("me@gmail.com") }), isEnabled: null }]],
    [
      "a forward to a colleague's X500 address",
      [
        rule({
          forwardTo: to(
            "/o=ExchangeLabs/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=3f1c2a9e-colleague",
          ),
        }),
      ],
    ],
    [
      "a forward to an IMCEAEX-encapsulated address",
      [
        rule({
          forwardTo: to(
            "IMCEAEX-_o=ExchangeLabs_ou=Exchange+20Administrative+20Group_cn=Recipients_cn=abc@stjohnpayne.onmicrosoft.com",
          ),
        }),
      ],
    ],
    ["a forward to the tenant's other verified domain", [rule({ forwardTo: to("head@stjohnpayne.onmicrosoft.com") })]],
    ["a forward whose recipient has no address", [rule({ forwardTo: [{ emailAddress: null }] })]],
  ])("passes %s", (_label, rules) => {
    expect(externalForwarding.run(context({ rules }))).toEqual([]);
  });

  it("is not evaluated when the rules cannot be read", () => {
    expect(
      externalForwarding.run(context({ rules: { unread: "The inbox rules could not be read: Access denied." } })),
    ).toEqual([{ status: "not-evaluated", detail: "The inbox rules could not be read: Access denied." }]);
  });
});

import { describe, expect, it } from "vitest";
import { loadPolicy } from "../pack/load.js";
import { normalizeDraft, type DraftInput } from "./draft.js";
import { buildMessage, classifyRecipient, domainOf, externalOf, isX500 } from "./message.js";
import type { Recipient } from "./types.js";

const pack = loadPolicy("st-john-payne"); // emailDomains: ["st-john-payne.sch.uk"]

describe("isX500", () => {
  it.each([
    ["a legacyExchangeDN", "/o=ExchangeLabs/ou=Exchange Administrative Group/cn=Recipients/cn=jo.hart"],
    ["an X500: proxy address", "X500:/o=ExchangeLabs/ou=Exchange Administrative Group/cn=Recipients/cn=jo"],
    ["an EX: address", "EX:/O=EXCHANGELABS/OU=EXCHANGE ADMINISTRATIVE GROUP/CN=RECIPIENTS/CN=JO"],
    ["its IMCEAEX encapsulation", "IMCEAEX-_o=ExchangeLabs_ou=Exchange+20Administrative_cn=jo@school.sch.uk"],
    ["one with spaces around it", "  /o=ExchangeLabs/cn=jo  "],
  ])("recognises %s", (_, address) => {
    expect(isX500(address)).toBe(true);
  });

  it.each([
    ["an e-mail address", "jo.hart@st-john-payne.sch.uk"],
    ["a contact group's name", "Year 6 Parents"],
    ["an o= not at the start", "cn=jo/o=ExchangeLabs"],
    ["X500 without the slash", "x500:o=ExchangeLabs"],
  ])("does not take %s for one", (_, address) => {
    expect(isX500(address)).toBe(false);
  });
});

describe("domainOf", () => {
  it.each([
    ["jo@st-john-payne.sch.uk", "st-john-payne.sch.uk"],
    ["Jo.Hart@Gmail.COM ", "gmail.com"],
    ['"a@b"@example.org', "example.org"],
    ["Year 6 Parents", ""],
  ])("%s → %s", (address, domain) => {
    expect(domainOf(address)).toBe(domain);
  });
});

describe("classifyRecipient", () => {
  it.each<[string, Recipient, string, string]>([
    ["no address", { address: "" }, "unknown", "no address"],
    ["only spaces", { address: "   " }, "unknown", "no address"],
    ["an X500 address", { address: "/o=ExchangeLabs/cn=jo" }, "internal", "Exchange X500 address"],
    [
      "a contact group",
      { name: "Year 6 Parents", address: "Year 6 Parents" },
      "unknown",
      "no e-mail address (a contact group?)",
    ],
    ["the school's domain", { address: "jo@st-john-payne.sch.uk" }, "internal", "school domain"],
    ["the school's domain in capitals", { address: " JO@ST-JOHN-PAYNE.SCH.UK " }, "internal", "school domain"],
    ["a subdomain of the school's", { address: "it@mail.st-john-payne.sch.uk" }, "internal", "school domain"],
    [
      "a domain ending in the school's name",
      { address: "jo@notst-john-payne.sch.uk" },
      "external",
      "outside the school's domains",
    ],
    ["a webmail address", { address: "jo@gmail.com" }, "external", "outside the school's domains"],
    [
      "a mailbox Outlook reports as a user",
      { address: "jo@trust.org.uk", recipientType: "user" },
      "internal",
      "Outlook reports user",
    ],
    [
      "an Exchange group",
      { address: "staff@trust.org.uk", recipientType: "distributionList" },
      "internal",
      "Outlook reports distributionList",
    ],
    [
      "an external user",
      { address: "jo@trust.org.uk", recipientType: "externalUser" },
      "external",
      "outside the school's domains",
    ],
    ["type other", { address: "jo@trust.org.uk", recipientType: "other" }, "external", "outside the school's domains"],
  ])("%s", (_, recipient, standing, reason) => {
    expect(classifyRecipient(recipient, pack)).toEqual({ standing, reason });
  });
});

function message(input: Partial<DraftInput>, maxBodyChars?: number) {
  return buildMessage(normalizeDraft({ subject: "Homework", body: "", ...input }), pack, maxBodyChars);
}

describe("buildMessage", () => {
  it("classifies the recipients field by field, To then Cc then Bcc", () => {
    const built = message({
      to: [{ address: "jo@st-john-payne.sch.uk" }, { address: "kerry@gmail.com" }],
      cc: [{ address: "Year 6 Parents" }],
      bcc: [{ address: "sam@yahoo.co.uk" }],
    });
    expect(built.recipients.map((entry) => [entry.field, entry.recipient.address, entry.standing])).toEqual([
      ["to", "jo@st-john-payne.sch.uk", "internal"],
      ["to", "kerry@gmail.com", "external"],
      ["cc", "Year 6 Parents", "unknown"],
      ["bcc", "sam@yahoo.co.uk", "external"],
    ]);
    expect(externalOf(built).map((recipient) => recipient.address)).toEqual(["kerry@gmail.com", "sam@yahoo.co.uk"]);
  });

  it("reads an HTML body as text and folds subject and body for matching", () => {
    const built = message({ subject: "Trip\u00a0money", body: "<p>Fish &amp; chips</p>", bodyType: "html" });
    expect(built.bodyText.trim()).toBe("Fish & chips");
    expect(built.subject.text).toBe("Trip money");
    expect(built.bodyTruncated).toBe(false);
  });

  it("keeps the whole body when no limit is given", () => {
    const body = `${"A long line of text.\n".repeat(2_000)}End`;
    expect(message({ body }).bodyText).toBe(body);
  });

  it("cuts a long body at the last line break past half the limit", () => {
    // "aaaa\nbbbb\ncccc": the limit 12 falls in "cccc"; the break at 9 is past 6.
    const built = message({ body: "aaaa\nbbbb\ncccc" }, 12);
    expect(built.bodyText).toBe("aaaa\nbbbb");
    expect(built.bodyTruncated).toBe(true);
  });

  it("cuts at the limit itself when the last line break is not past half of it", () => {
    // Limit 8: the only break is at 4, which is not past 4.
    expect(message({ body: "aaaa\nbbbbbbbb" }, 8).bodyText).toBe("aaaa\nbbb");
    expect(message({ body: "a\nbbbbbbbbbb" }, 8).bodyText).toBe("a\nbbbbbb");
  });

  it("does not cut a body exactly as long as the limit", () => {
    const built = message({ body: "aaaa\nbbbb" }, 9);
    expect(built.bodyText).toBe("aaaa\nbbbb");
    expect(built.bodyTruncated).toBe(false);
  });

  it("reads at most four times the limit of HTML, and says the body was cut", () => {
    // 9 characters of text, then 130 of empty markup: only the first 40 characters of HTML are read.
    const body = `<p>hi</p>${"<span></span>".repeat(10)}`;
    const built = message({ body, bodyType: "html" }, 10);
    expect(built.bodyText.trim()).toBe("hi");
    expect(built.bodyTruncated).toBe(true);
    expect(message({ body, bodyType: "html" }, 40).bodyTruncated).toBe(false);
  });

  describe("the sender's own words", () => {
    const body =
      "Dear Mrs Lane,\nThank you, I will look into it.\n\nKind regards\nJo Hart\n\n" +
      "From: Kerry Lane <kerry.lane@example.com>\nSent: 11 March 2025 21:14\nTo: Jo Hart <j.hart@st-john-payne.sch.uk>\n" +
      "Subject: Homework\n\nTHIS IS UNACCEPTABLE!!!";
    // Built inside each test, not while the file is collected: code run at collection time is "static"
    // to Stryker, which then tests it against every file instead of the tests that reach it.
    const reply = () =>
      message({ subject: "RE: Homework", body, from: { name: "Jo Hart", address: "j.hart@st-john-payne.sch.uk" } });

    it("blanks what others wrote, keeping length and line breaks", () => {
      const built = reply();
      expect(built.segments.map((segment) => segment.kind)).toEqual(["own", "signature", "quoted"]);
      for (const view of [built.own, built.ownAndForwarded, built.ownWithSignOff]) {
        expect(view).toHaveLength(body.length);
        expect(view.split("\n")).toHaveLength(body.split("\n").length);
        expect(view).not.toContain("UNACCEPTABLE");
        expect(view).toContain("Thank you, I will look into it.");
      }
      expect(built.own).not.toContain("Kind regards");
      expect(built.ownWithSignOff).toContain("Kind regards\nJo Hart");
      expect(built.own.slice(body.indexOf("From:"))).toMatch(/^[ \n]+$/);
    });

    it("gives the signature block's place", () => {
      const built = reply();
      expect(body.slice(built.signature.start, built.signature.end)).toMatch(/^Kind regards\nJo Hart\s*$/);
    });

    it("keeps a forwarded message in ownAndForwarded only", () => {
      const forwarded =
        "Please see below.\n\n---------- Forwarded message ---------\nFrom: Head <head@example.com>\n\nSend this to ten people.";
      const fwd = message({ subject: "FW: Luck", body: forwarded });
      expect(fwd.segments.map((segment) => segment.kind)).toEqual(["own", "forwarded"]);
      expect(fwd.ownAndForwarded).toBe(forwarded);
      expect(fwd.own).not.toContain("ten people");
      expect(fwd.ownWithSignOff).not.toContain("ten people");
    });

    it("is the body itself when the sender wrote all of it, and the signature is empty at its end", () => {
      const plain = message({ body: "Dear all,\nThe trip is on Friday." });
      expect(plain.own).toBe("Dear all,\nThe trip is on Friday.");
      expect(plain.signature).toEqual({ start: plain.body.text.length, end: plain.body.text.length });
    });
  });
});

describe("classifyRecipient: a school with two domains", () => {
  const twoDomains: typeof pack = {
    ...pack,
    school: { ...pack.school, emailDomains: ["st-john-payne.sch.uk", "payne-trust.org.uk"] },
  };

  it.each([
    ["the first domain", "jo@st-john-payne.sch.uk", "internal"],
    ["the second domain", "jo@payne-trust.org.uk", "internal"],
    ["a subdomain of the second", "it@mail.payne-trust.org.uk", "internal"],
    ["neither", "jo@gmail.com", "external"],
  ])("%s", (_what, address, standing) => {
    expect(classifyRecipient({ address }, twoDomains).standing).toBe(standing);
  });
});

describe("buildMessage: blanking, exactly", () => {
  it("blanks a quoted line longer than 256 characters to as many spaces", () => {
    const long = "x".repeat(300);
    const body = `Noted.\n\nFrom: Kerry Lane\nSent: 1 May\nTo: Jo\n\n${long}\nend`;
    const built = message({ subject: "RE: Homework", body });
    const history = body.indexOf("From:");
    expect(built.own).toBe(body.slice(0, history) + body.slice(history).replace(/[^\n]/g, " "));
  });

  it("blanks the whole body when all of it is an earlier message", () => {
    const body = "From: Kerry Lane\nSent: 1 May\nTo: Jo\n\nTHIS IS UNACCEPTABLE";
    const built = message({ subject: "RE: Homework", body });
    expect(built.segments.map((segment) => segment.kind)).toEqual(["quoted"]);
    expect(built.own).toBe(body.replace(/[^\n]/g, " "));
    expect(built.ownWithSignOff).toBe(body.replace(/[^\n]/g, " "));
  });

  it("blanks a '>' line between own words, keeping both", () => {
    const body = "Noted.\n> old line\nMy answer";
    const built = message({ subject: "RE: Homework", body });
    expect(built.own).toBe("Noted.\n          \nMy answer");
  });
});

describe("buildMessage: what the segments are read with", () => {
  it("an Outlook header block under a FW: subject is a forward, kept in ownAndForwarded", () => {
    const body = "See below.\n\nFrom: Kerry Lane\nSent: 1 May\nTo: Jo\n\nThe old message";
    const built = message({ subject: "FW: Homework", body });
    expect(built.segments.map((segment) => segment.kind)).toEqual(["own", "forwarded"]);
    expect(built.ownAndForwarded).toBe(body);
  });

  it("the sender's name opening a line near the end starts the signature", () => {
    const body = "The trip is on Friday.\nJo Hart\nYear 3 teacher";
    const built = message({ body, from: { name: "Jo Hart", address: "j.hart@st-john-payne.sch.uk" } });
    expect(built.signature).toEqual({ start: body.indexOf("Jo Hart"), end: body.length });
    expect(built.ownWithSignOff).toBe(body);
    expect(built.own).toBe(`The trip is on Friday.\n${" ".repeat(7)}\n${" ".repeat(14)}`);
  });

  // A new user's trial: Palfrey's disclaimer, appended by the add-in's own fix, took a tone finding away.
  describe("the school's disclaimer is read as part of the sign-off, not the sender's words", () => {
    const palfrey = loadPolicy("palfrey");
    const disclaimer = palfrey.etiquette.disclaimer.text;
    const own = "Don't tell anyone but Julie is off because of her divorce.";
    const build = (body: string) => buildMessage(normalizeDraft({ subject: "between us", body }), palfrey);
    it("after the sender's words, the disclaimer is blanked from own and kept in ownWithSignOff", () => {
      const body = `${own}\n\nEm\n\n${disclaimer}`;
      const built = build(body);
      const at = body.indexOf(disclaimer);
      expect(built.own.slice(0, own.length)).toBe(own);
      expect(built.own.slice(at).trim()).toBe("");
      expect(built.ownWithSignOff.slice(at)).toBe(disclaimer);
      expect(built.segments.map((segment) => [segment.kind, segment.start])).toEqual([
        ["own", 0],
        ["signature", at],
      ]);
    });
    it("written in another case, it is still the school's", () => {
      const body = `${own}\n\n${disclaimer.toUpperCase()}`;
      expect(build(body).own.trim()).toBe(own);
    });
    it.each([
      ["a school that asks for no disclaimer", pack, `${own}\n\n${disclaimer}`],
      [
        "its first words broken over two lines by a mail program",
        palfrey,
        `${own}\n\n${disclaimer.replace(" ", "\n")}`,
      ],
    ])("%s: left among the sender's words, as before", (_what, chosen, body) => {
      expect(buildMessage(normalizeDraft({ subject: "between us", body }), chosen).own).toBe(body);
    });
  });

  it("an HTML quote container, its offset carried over folded characters", () => {
    // The zero width space is folded away, so the container opens at 7 in the folded text, not 8.
    const built = message({
      subject: "RE: Homework",
      body: '<div>Noted.\u200b</div><div class="gmail_quote">Old</div>',
      bodyType: "html",
    });
    expect(built.body.text).toBe("Noted.\nOld\n");
    expect(built.segments.map((segment) => [segment.kind, segment.start, segment.end])).toEqual([
      ["own", 0, 7],
      ["quoted", 7, 11],
    ]);
  });
});

describe("buildMessage: limits and blanking, at the edges", () => {
  it.each([
    ["shorter than the limit, with a line break past half of it", "aaaaaaaa\nb", 12],
    ["exactly as long as the limit, with a line break past half of it", "aaaaaaa\nb", 9],
  ])("does not cut a body %s", (_what, body, limit) => {
    const built = message({ body }, limit);
    expect(built.bodyText).toBe(body);
    expect(built.bodyTruncated).toBe(false);
  });

  it("blanks a quoted line answered inline up to its own end, not into the next lines", () => {
    const built = message({ subject: "RE: Homework", body: "Noted.\n> old line\nMy answer\nmore" });
    expect(built.own).toBe(`Noted.\n${" ".repeat(10)}\nMy answer\nmore`);
  });
});

import { describe, expect, it } from "vitest";
import { domainOf, internalAddressTest, isX500 } from "./addresses.js";

const internal = internalAddressTest(["st-john-payne.sch.uk", "StJohnPayne.onmicrosoft.com"]);

describe("internal addresses: the tenant's verified domains, the pack's, subdomains and X500", () => {
  it.each([
    ["the school's domain", "office@st-john-payne.sch.uk"],
    ["another case", "Office@ST-JOHN-PAYNE.SCH.UK"],
    ["a subdomain", "head@staff.st-john-payne.sch.uk"],
    ["the tenant's onmicrosoft domain", "head@stjohnpayne.onmicrosoft.com"],
    [
      "an X500 legacyExchangeDN",
      "/o=ExchangeLabs/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=abc",
    ],
    ["an X500 proxy address", "X500:/o=ExchangeLabs/ou=Exchange Administrative Group/cn=Recipients/cn=abc"],
    ["an IMCEAEX address", "IMCEAEX-_o=ExchangeLabs_cn=Recipients_cn=abc@stjohnpayne.onmicrosoft.com"],
  ])("%s is inside", (_label, address) => {
    expect(internal(address)).toBe(true);
  });

  it.each([
    ["a webmail address", "me@gmail.com"],
    ["a look-alike suffix", "me@st-john-payne.sch.uk.evil.example"],
    ["a look-alike prefix", "me@not-st-john-payne.sch.uk"],
    ["no domain", "office"],
    ["an empty domain", "office@"],
    ["a trailing-dot domain of another school", "me@other.sch.uk."],
  ])("%s is outside", (_label, address) => {
    expect(internal(address)).toBe(false);
  });

  it("trims and lower-cases both the addresses and the domains it is given", () => {
    const test = internalAddressTest([" School.Example ", ""]);
    expect(test("  Head@SCHOOL.example ")).toBe(true);
    expect(test("head@other.example")).toBe(false);
    expect(isX500("  /O=ExchangeLabs/cn=x")).toBe(true);
    expect(isX500("IMCEAEX-_o=Org_cn=x@elsewhere.example")).toBe(true);
    expect(isX500("someone@imceaex-.example")).toBe(false);
    expect(domainOf("office@")).toBeUndefined();
    expect(domainOf("a@b")).toBe("b");
  });

  it("parses domains and X500 forms", () => {
    expect(domainOf("A@B.Example.")).toBe("b.example");
    expect(domainOf("@b.example")).toBeUndefined();
    expect(isX500("ex:/o=Org/cn=x")).toBe(true);
    expect(isX500("o=org")).toBe(false);
  });
});

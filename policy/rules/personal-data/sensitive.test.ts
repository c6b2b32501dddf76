import { describe, expect, it } from "vitest";
import type { Entity, EntityType } from "../../engine/types.js";
import { describeEntities, ENCRYPT_WORTHY_TYPES, entityTexts, sensitiveEntities } from "./sensitive.js";

const entity = (type: EntityType, location: Entity["location"] = "body", start = 0, end = 1): Entity => ({
  type,
  location,
  start,
  end,
  confidence: 0.9,
});

describe("sensitiveEntities", () => {
  it("keeps the kinds worth encrypting, not names", () => {
    const all = [...ENCRYPT_WORTHY_TYPES, "person-name" as const].map((type) => entity(type));
    expect(sensitiveEntities(all).map((found) => found.type)).toEqual([...ENCRYPT_WORTHY_TYPES]);
    expect(ENCRYPT_WORTHY_TYPES).toHaveLength(11);
  });

  it("keeps those in one location when asked", () => {
    const found = sensitiveEntities([entity("upn", "subject"), entity("upn", "body")], "subject");
    expect(found.map((kept) => kept.location)).toEqual(["subject"]);
  });

  // One list asked of for each place in turn: each answer is that place's.
  it("answers each location asked of the same list, and the same list again", () => {
    const all = [
      entity("upn", "subject"),
      entity("person-name", "body"),
      entity("uln", "body"),
      entity("nhs-number", "attachments"),
    ];
    const types = (location?: Entity["location"]) => sensitiveEntities(all, location).map((kept) => kept.type);
    expect(types("body")).toEqual(["uln"]);
    expect(types("subject")).toEqual(["upn"]);
    expect(types()).toEqual(["upn", "uln", "nhs-number"]);
    expect(types("attachments")).toEqual(["nhs-number"]);
    expect(types("body")).toEqual(["uln"]);
    expect(sensitiveEntities([entity("upn", "body")], "body")).toHaveLength(1);
    expect(sensitiveEntities([entity("person-name", "body")], "body")).toHaveLength(0);
  });
});

describe("describeEntities", () => {
  it.each<[EntityType, string]>([
    ["nhs-number", "an NHS number"],
    ["ni-number", "a National Insurance number"],
    ["upn", "a UPN"],
    ["uln", "a ULN"],
    ["date-of-birth", "a date of birth"],
    ["postal-address", "a home address"],
    ["phone-number", "a phone number"],
    ["bank-details", "bank details"],
    ["passport-number", "a passport number"],
    ["driving-licence", "a driving licence number"],
    ["person-name", "a name"],
    ["special-category", "sensitive details (health, SEN, safeguarding…)"],
  ])("%s reads as %s", (type, words) => {
    expect(describeEntities([entity(type)])).toBe(words);
  });

  it("joins kinds with commas and 'and', each once", () => {
    expect(describeEntities([])).toBe("personal data");
    expect(describeEntities([entity("upn"), entity("upn")])).toBe("a UPN");
    expect(describeEntities([entity("upn"), entity("uln")])).toBe("a UPN and a ULN");
    expect(describeEntities([entity("upn"), entity("uln"), entity("bank-details")])).toBe(
      "a UPN, a ULN and bank details",
    );
  });

  // Each category's words, from a term the lexicon files under it.
  it.each([
    ["fit note", "health"],
    ["ehcp", "SEN"],
    ["cp concern", "safeguarding"],
    ["looked after", "looked-after"],
    ["fsm", "free school meals"],
    ["exclusion", "exclusion or attendance"],
    // Attendance enforcement is not an exclusion (a new user's trial: a term-time holiday refusal).
    ["penalty notice", "exclusion or attendance"],
    ["ethnicity", "ethnicity"],
    ["religion", "religion"],
    ["bisexual", "sexual orientation"],
    ["police involvement", "police or offending"],
    ["hardship fund", "financial circumstances"],
    ["grievance", "HR casework"],
  ])("names the kind of sensitive detail: %s is %s", (term, words) => {
    const body = `Jo: ${term}.`;
    const texts = entityTexts("", body, []);
    expect(describeEntities([entity("special-category", "body", 4, 4 + term.length)], texts)).toBe(
      `an identifiable person's ${words} details`,
    );
  });

  it("names up to three kinds, each once, whatever the case and location", () => {
    const body = "EHCP, fit note, FSM, religion, ehcp";
    const texts = entityTexts("Police involvement", body, ["cp concern.pdf"]);
    const at = (term: string) => body.indexOf(term);
    const entities = [
      entity("special-category", "body", at("EHCP"), at("EHCP") + 4),
      entity("special-category", "body", at("fit note"), at("fit note") + 8),
      entity("special-category", "body", 31, 35),
      entity("special-category", "body", at("FSM"), at("FSM") + 3),
      entity("special-category", "body", at("religion"), at("religion") + 8),
    ];
    expect(describeEntities(entities, texts)).toBe(
      "an identifiable person's SEN, health and free school meals details",
    );
    expect(
      describeEntities(
        [entity("special-category", "subject", 0, 18), entity("special-category", "attachments", 0, 10)],
        texts,
      ),
    ).toBe("an identifiable person's police or offending and safeguarding details");
  });

  it("reads the kind only from special-category entities, and skips a term it cannot place beside one it can", () => {
    const body = "autism; xyzzy; ehcp";
    const texts = entityTexts("", body, []);
    // An identifier over a sensitive word (as given here) does not name a kind.
    expect(
      describeEntities([entity("nhs-number", "body", 0, 6), entity("special-category", "body", 15, 19)], texts),
    ).toBe("an NHS number and an identifiable person's SEN details");
    expect(
      describeEntities([entity("special-category", "body", 8, 13), entity("special-category", "body", 15, 19)], texts),
    ).toBe("an identifiable person's SEN details");
  });

  it("finds a term in the second attachment's name, after the line between names", () => {
    const texts = entityTexts("", "", ["ab.pdf", "EHCP.pdf"]);
    expect(describeEntities([entity("special-category", "attachments", 7, 11)], texts)).toBe(
      "an identifiable person's SEN details",
    );
  });

  it("falls back to general words for a term it cannot place", () => {
    const texts = entityTexts("", "Jo: xyzzy!", []);
    expect(describeEntities([entity("special-category", "body", 4, 10)], texts)).toBe(
      "sensitive details (health, SEN, safeguarding…)",
    );
  });
});

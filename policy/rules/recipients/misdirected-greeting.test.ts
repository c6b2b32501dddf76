import { describe, expect, it } from "vitest";
import { ruleTester, runRule } from "../../engine/rule-tester.js";
import { loadPolicy } from "../../pack/load.js";
import rule from "./misdirected-greeting.js";
import { greetedNames, nameFits, recipientWords, trimTrailing } from "./recipient-names.js";
import { NICKNAMES, NICKNAME_ENTRIES } from "./nicknames.js";

const body = (greeting: string) => `${greeting}\n\nThank you for your email about Friday.\n\nKind regards,\nJo Hart`;
const mail = (greeting: string, to: { name?: string; address: string }[]) => ({
  subject: "Friday",
  body: body(greeting),
  bodyType: "text" as const,
  to,
});

ruleTester(rule, {
  pack: loadPolicy("st-john-payne"),
  valid: [
    { name: "the right parent by address", draft: mail("Dear Mrs Khan,", [{ address: "ayesha.khan@gmail.com" }]) },
    {
      name: "a short form to its full name: Becs to Rebecca",
      draft: mail("Hey Becs,", [{ name: "Rebecca Shaw", address: "rebecca.shaw@gmail.com" }]),
    },
    {
      name: "a two-letter short form: Lu to Lucinda",
      draft: mail("Hi Lu,", [{ name: "Lucinda Harte", address: "lucy.harte@outlook.com" }]),
    },
    {
      name: "the right parent by name",
      draft: mail("Dear Ms Patel,", [{ name: "Sunita Patel", address: "admin@braunstone.sch.uk" }]),
    },
    {
      name: "both parents, one address",
      draft: mail("Dear Mr and Mrs Haldane,", [{ name: "Andrew Haldane", address: "a.haldane@btinternet.com" }]),
    },
    { name: "a short form of the first name", draft: mail("Hi Sam,", [{ address: "samantha.jones@county.gov.uk" }]) },
    // Development parts AM, W, R2: British "-z" forms and Polish diminutives; accents in a display name.
    {
      name: "a '-z' short form: Shaz to Sharon",
      draft: mail("Hi Shaz,", [{ name: "Sharon Mills", address: "sharon.mills64@gmail.com" }]),
    },
    {
      name: "a Polish diminutive to a name written with its accents: Gosia to Małgorzata",
      draft: mail("Hi Gosia,", [{ name: "Małgorzata Wiśniewska", address: "m.wisniewska@outlook.com" }]),
    },
    {
      name: "a greeting typed without the accent the display name has: Zoe to Zoë",
      draft: mail("Dear Zoe,", [{ name: "Zoë Clarke", address: "zclarke@outlook.com" }]),
    },
    {
      name: "a greeting typed with the accent the address lacks: Zoë to zoe.clarke@",
      draft: mail("Dear Zoë,", [{ address: "zoe.clarke@outlook.com" }]),
    },
    // Development parts DL, AT, BD: a tour operator's groups desk and a council's front door.
    { name: "a groups desk", draft: mail("Hi Adrian,", [{ address: "groups@eurotrails-travel.co.uk" }]) },
    {
      name: "a council's hub",
      draft: mail("Hi Dawn,", [{ name: "Essex Children and Families Hub", address: "cfh@essex.gov.uk" }]),
    },
    { name: "a name line", draft: mail("Julie,", [{ name: "Julie Thwaite", address: "head@st-john-payne.sch.uk" }]) },
    { name: "a group greeting", draft: mail("Dear parents,", [{ address: "sarah.jones@gmail.com" }]) },
    { name: "a greeting to the lads", draft: mail("Lads,", [{ address: "davefenton@gmail.com" }]) },
    {
      name: "a person greeted at a company's shared mailbox",
      draft: mail("Hi Sophie,", [{ name: "Boreham House Events", address: "events@boreham-house-example.co.uk" }]),
    },
    // Development part AS: a lettings agent's, a supplier's renewals desk, a holiday let's mailbox.
    {
      name: "a person greeted at an agent's lettings mailbox",
      draft: mail("Dear Mr Harcourt,", [{ name: "Land Agent", address: "lettings@forestpark-example.co.uk" }]),
    },
    {
      name: "a person greeted at a renewals desk",
      draft: mail("Hi Tom,", [{ name: "Arbor Renewals", address: "renewals@arbor-partners-example.co.uk" }]),
    },
    {
      name: "a person greeted at a business's hello@ mailbox",
      draft: mail("Dear Mrs Trewin,", [{ name: "Penrose Holiday Lets", address: "hello@penrose-example.co.uk" }]),
    },
    // A display name that is a post or a service, or one word that is the whole mailbox, labels a
    // mailbox that the person greeted reads.
    {
      name: "a post as the display name",
      draft: mail("Hi Bev,", [{ name: "Catering Manager", address: "kitchen.hawthorn@chefs-example.co.uk" }]),
    },
    {
      name: "a service as the display name",
      draft: mail("Hi Carol,", [{ name: "Attendance Service", address: "ews@county-example.gov.uk" }]),
    },
    // The services schools refer pupils to, whoever answers their mailbox (development part AA).
    {
      name: "a physiotherapy service",
      draft: mail("Hi Jo,", [{ name: "Physio", address: "bradford.paedsphysio@nhs-example.net" }]),
    },
    {
      name: "an educational psychology service",
      draft: mail("Hi Keith,", [{ name: "Ed Psych", address: "edpsych@county-example.gov.uk" }]),
    },
    { name: "a CAMHS team", draft: mail("Dear Dr Amadi,", [{ name: "CAMHS", address: "camhs@nhs-example.net" }]) },
    // A school's medical room, read by whichever nurse is greeted (development part AE).
    {
      name: "a health centre",
      draft: mail("Dear Sister Ncube,", [{ name: "Health Centre", address: "healthcentre@boarding-example.org.uk" }]),
    },
    {
      name: "the mailbox's own word as the display name",
      draft: mail("Dear Mr Oduya,", [{ name: "Contracts", address: "contracts@fairfood-example.co.uk" }]),
    },
    {
      name: "the organisation named in its domain",
      draft: mail("Dear HMRC,", [{ address: "paye.enquiries@hmrc.gov.uk" }]),
    },
    {
      name: "Pippa for Philippa",
      draft: mail("Hi Pippa,", [{ name: "Philippa Grant", address: "admissions@county.gov.uk" }]),
    },
    { name: "all", draft: mail("Hi all,", [{ address: "sarah.jones@gmail.com" }, { address: "mo.ali@gmail.com" }]) },
    { name: "initials we cannot read", draft: mail("Dear Mrs Khan,", [{ address: "ak1982@gmail.com" }]) },
    { name: "a role address", draft: mail("Dear Mrs Khan,", [{ address: "office@county.gov.uk" }]) },
    {
      name: "a name in Cc",
      draft: {
        ...mail("Dear Mrs Khan,", [{ address: "sarah.jones@gmail.com" }]),
        cc: [{ address: "a.khan@gmail.com" }],
      },
    },
    {
      name: "a company greeted by its name",
      draft: mail("Hi Fresh,", [{ name: "Fresh Start Catering", address: "sales@freshstart.co.uk" }]),
    },
    { name: "no greeting", draft: mail("Thanks for this.", [{ address: "sarah.jones@gmail.com" }]) },
    {
      name: "an organisation's name spelt out in its domain",
      draft: mail("Dear Mr Okafor,", [{ name: "Villa Sol", address: "bookings@villasol.example.es" }]),
    },
    {
      name: "a B&B's own name, any mailbox",
      draft: mail("Hi Yasmin,", [{ name: "The Old Rectory B&B", address: "stay@oldrectory-rye.example.co.uk" }]),
    },
    { name: "family, not a name", draft: mail("Hi Sis,", [{ name: "Carol", address: "carol.lyle@sky.com" }]) },
    { name: "a kitchen role", draft: mail("Hi Chef,", [{ name: "Catering", address: "catering@county.gov.uk" }]) },
    {
      name: "a short form: Sue for Susan",
      draft: mail("Hi Sue,", [{ name: "Susan Marsh", address: "s.marsh@county.gov.uk" }]),
    },
    { name: "a short form: Bob for robert", draft: mail("Dear Bob,", [{ address: "robert.jones@gmail.com" }]) },
    {
      name: "a double-barrelled surname",
      draft: mail("Hello Mrs Okonkwo-Smith,", [{ address: "okonkwo.smith@gmail.com" }]),
    },
    {
      name: "a first name and an initial in the address",
      draft: mail("Hi Sarah,", [{ address: "s.jones@county.gov.uk" }]),
    },
    { name: "a first name and a glued initial", draft: mail("Hi Sarah,", [{ address: "sjones@county.gov.uk" }]) },
    {
      name: "a parent shown as Oliver's mum",
      draft: mail("Dear Mrs Ashdown,", [{ name: "Oliver's Mum", address: "oliversmum@gmail.com" }]),
    },
    {
      name: "the person greeted is in Bcc",
      draft: {
        ...mail("Dear Mrs Khan,", [{ address: "sarah.jones@gmail.com" }]),
        bcc: [{ address: "a.khan@gmail.com" }],
      },
    },
    { name: "Sir or Madam", draft: mail("Dear Sir/Madam,", [{ address: "sarah.jones@gmail.com" }]) },
    {
      name: "surname first in the display name",
      draft: mail("Dear Jane,", [{ name: "Smith, Jane", address: "js@gmail.com" }]),
    },
    {
      name: "a colleague inside the school, nothing personal",
      draft: mail("Hi Tom,", [{ name: "Rebecca Lyons", address: "r.lyons@st-john-payne.sch.uk" }]),
    },
    { name: "a contact group", draft: mail("Dear Mrs Khan,", [{ name: "Year 7 parents", address: "Year 7 parents" }]) },
  ],
  invalid: [
    // Short forms and accents fit only their own names.
    {
      name: "a short form to someone else: Shaz to Rachel",
      draft: mail("Hi Shaz,", [{ name: "Rachel Ingham", address: "rachel.ingham@gmail.com" }]),
      errors: [{ messageId: "mismatch" }],
    },
    {
      name: "an accented display name of someone else: Zoe to Zoltán",
      draft: mail("Dear Zoe,", [{ name: "Zoltán Kovács", address: "zkovacs@outlook.com" }]),
      errors: [{ messageId: "mismatch" }],
    },
    {
      name: "a person whose surname is a post word is still a person",
      draft: mail("Dear Mrs Khan,", [{ name: "Thomas Head", address: "thomas.head@county-example.gov.uk" }]),
      errors: [{ messageId: "mismatch" }],
    },
    {
      name: "a one-word display name that is not the whole mailbox is a person",
      draft: mail("Dear Mrs Khan,", [{ name: "Contracts", address: "j.bloggs@fairfood-example.co.uk" }]),
      errors: [{ messageId: "mismatch" }],
    },
    {
      name: "Dear Mrs Khan to sarah.jones",
      draft: mail("Dear Mrs Khan,", [{ address: "sarah.jones@gmail.com" }]),
      errors: [{ messageId: "mismatch", location: "body", spanTexts: ["Dear Mrs Khan,"] }],
    },
    {
      name: "a colleague inside the school, with a pupil's health details",
      draft: {
        ...mail("Hi Tom,", [{ name: "Rebecca Lyons", address: "r.lyons@st-john-payne.sch.uk" }]),
        body: "Hi Tom,\n\nOliver Ashdown's epilepsy care plan is attached.\n\nKind regards,\nJo Hart",
      },
      errors: [{ messageId: "mismatch" }],
    },
  ],
});

/** A recipient entry from outside the school, as the message model lists it, for recipientWords. */
const entry = (address: string, name?: string) => ({
  recipient: name === undefined ? { address } : { name, address },
  field: "to" as const,
  standing: "external" as const,
  reason: "domain",
});

describe("greetedNames", () => {
  it.each([
    ["Dear Mrs Khan,", ["khan"]],
    ["Dear Mr and Mrs Haldane,", ["haldane"]],
    ["Hi Sarah!", ["sarah"]],
    ["Julie,", ["julie"]],
    ["Good morning Mr O'Neill,", ["oneill"]],
  ])("%s", (line, names) => expect(greetedNames(`${line}\n\nText`)?.names).toEqual(names));

  it.each([
    "Dear all,",
    "Dear Year 5 parents,",
    "Hi,",
    "Dear wheelchair service,",
    "Dear Oliver's parents,",
    "Thanks for this.",
  ])("names no one: %s", (line) => expect(greetedNames(`${line}\n\nText`)).toBeUndefined());
});

describe("NICKNAMES", () => {
  it("maps lower-case short forms to lower-case full names, none to itself", () => {
    expect(NICKNAMES.size).toBe(NICKNAME_ENTRIES.length);
    for (const [short, full] of NICKNAMES) {
      expect(short).toMatch(/^[a-z]+$/);
      expect(full.length).toBeGreaterThan(0);
      for (const name of full) {
        expect(name).toMatch(/^[a-z]+$/);
        expect(name).not.toBe(short);
      }
    }
  });
});

describe("misdirected-greeting: every short form fits its full names", () => {
  const pack = loadPolicy("st-john-payne");
  // Common English short forms and the names they stand for ("Hi Sue" to Susan, "Dear Bob" to Robert).
  it.each([
    ["abi", "abigail"],
    ["abby", "abigail"],
    ["alex", "alexander"],
    ["alex", "alexandra"],
    ["alex", "alexis"],
    ["alf", "alfred"],
    ["andy", "andrew"],
    ["annie", "anne"],
    ["annie", "anna"],
    ["barb", "barbara"],
    ["becky", "rebecca"],
    ["bec", "rebecca"],
    ["ben", "benjamin"],
    ["bert", "albert"],
    ["bert", "herbert"],
    ["beth", "elizabeth"],
    ["beth", "bethany"],
    ["bev", "beverley"],
    ["bev", "beverly"],
    ["bill", "william"],
    ["billy", "william"],
    ["bob", "robert"],
    ["bobby", "robert"],
    ["cathy", "catherine"],
    ["cathy", "cathryn"],
    ["charlie", "charles"],
    ["charlie", "charlotte"],
    ["chris", "christopher"],
    ["chris", "christine"],
    ["chris", "christina"],
    ["dan", "daniel"],
    ["danny", "daniel"],
    ["dave", "david"],
    ["debbie", "deborah"],
    ["deb", "deborah"],
    ["di", "diana"],
    ["di", "diane"],
    ["dick", "richard"],
    ["ed", "edward"],
    ["ed", "edmund"],
    ["eddie", "edward"],
    ["ellie", "eleanor"],
    ["ellie", "elena"],
    ["ellie", "ellen"],
    ["fran", "frances"],
    ["fran", "francesca"],
    ["fred", "frederick"],
    ["gill", "gillian"],
    ["greg", "gregory"],
    ["harry", "henry"],
    ["harry", "harold"],
    ["jack", "john"],
    ["jack", "jackson"],
    ["jaz", "jasmine"],
    ["jen", "jennifer"],
    ["jenny", "jennifer"],
    ["jim", "james"],
    ["jimmy", "james"],
    ["jo", "joanne"],
    ["jo", "joanna"],
    ["jo", "josephine"],
    ["jo", "johanna"],
    ["joe", "joseph"],
    ["jon", "jonathan"],
    ["kate", "katherine"],
    ["kate", "catherine"],
    ["kate", "kathryn"],
    ["katie", "katherine"],
    ["katie", "catherine"],
    ["katie", "kathryn"],
    ["kath", "katherine"],
    ["kath", "kathryn"],
    ["kath", "kathleen"],
    ["ken", "kenneth"],
    ["kim", "kimberley"],
    ["kim", "kimberly"],
    ["liz", "elizabeth"],
    ["lizzie", "elizabeth"],
    ["maggie", "margaret"],
    ["mandy", "amanda"],
    ["matt", "matthew"],
    ["meg", "margaret"],
    ["meg", "megan"],
    ["mike", "michael"],
    ["mo", "mohammed"],
    ["mo", "muhammad"],
    ["mo", "maureen"],
    ["nat", "natalie"],
    ["nat", "nathan"],
    ["nat", "nathaniel"],
    ["nick", "nicholas"],
    ["nicky", "nicola"],
    ["nicky", "nicole"],
    ["pat", "patricia"],
    ["pat", "patrick"],
    ["pete", "peter"],
    ["phil", "philip"],
    ["phil", "phillip"],
    ["ray", "raymond"],
    ["rob", "robert"],
    ["ron", "ronald"],
    ["sally", "sarah"],
    ["sam", "samuel"],
    ["sam", "samantha"],
    ["sandy", "sandra"],
    ["steve", "stephen"],
    ["steve", "steven"],
    ["sue", "susan"],
    ["sue", "suzanne"],
    ["ted", "edward"],
    ["terry", "terence"],
    ["tom", "thomas"],
    ["tony", "anthony"],
    ["val", "valerie"],
    ["vicky", "victoria"],
    ["viv", "vivienne"],
    ["viv", "vivian"],
    ["will", "william"],
  ])("Hi %s, to %s.jones@gmail.com", (short, full) => {
    const greeting = `Hi ${short.charAt(0).toUpperCase()}${short.slice(1)},`;
    expect(runRule(rule, mail(greeting, [{ address: `${full}.jones@gmail.com` }]), pack).findings).toEqual([]);
  });

  it("and not another name", () => {
    expect(runRule(rule, mail("Hi Sue,", [{ address: "robert.jones@gmail.com" }]), pack).findings).toHaveLength(1);
  });
});

describe("greetedNames: titles, groups and roles", () => {
  it.each(["Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Prof", "Professor", "Rev", "Cllr", "Sir", "Madam", "Master"])(
    "%s is a title, not a name",
    (title) => {
      expect(greetedNames(`Dear ${title} Khan,\n\nText`)?.names).toEqual(["khan"]);
      expect(greetedNames(`Dear ${title}. Khan,\n\nText`)?.names).toEqual(["khan"]);
    },
  );

  it("joins two people with 'and' or '&'", () => {
    expect(greetedNames("Dear Mr and Mrs Khan,\n\nText")?.names).toEqual(["khan"]);
    expect(greetedNames("Dear Mr & Mrs Khan,\n\nText")?.names).toEqual(["khan"]);
  });

  // Groups and roles staff greet, capitalised as they are written at the start of a letter.
  it.each([
    "All",
    "Everyone",
    "Everybody",
    "Team",
    "Colleagues",
    "Colleague",
    "Parents",
    "Parent",
    "Carers",
    "Carer",
    "Families",
    "Family",
    "Staff",
    "Governors",
    "Governor",
    "There",
    "Both",
    "Guys",
    "Folks",
    "Friends",
    "Friend",
    "Year",
    "Class",
    "Tutors",
    "Tutor",
    "Department",
    "Whom",
    "Concern",
    "Ladies",
    "Gentlemen",
    "Teachers",
    "Teacher",
    "Members",
    "You",
    "Again",
    "Headteacher",
    "Head",
    "Principal",
    "Sirs",
    "Madams",
    "Committee",
    "Panel",
    "Board",
    "Office",
    "Admissions",
    "Finance",
    "Reception",
    "Sales",
    "Accounts",
    "Support",
    "Service",
    "Services",
    "Officer",
    "Manager",
    "Coordinator",
    "Senco",
    "Dsl",
    "Chair",
    "Clerk",
    "Trustees",
    "Partners",
    "Mum",
    "Mom",
    "Dad",
    "Mother",
    "Father",
    "Grandma",
    "Grandad",
    "Nan",
    "Guardian",
    "Home",
  ])("Dear %s names no one", (word) => {
    expect(greetedNames(`Dear ${word},\n\nText`)).toBeUndefined();
  });
});

describe("recipientWords: role addresses say nothing about who reads them", () => {
  it.each([
    "office",
    "admin",
    "info",
    "enquiries",
    "enquiry",
    "head",
    "headteacher",
    "reception",
    "senco",
    "finance",
    "hr",
    "bursar",
    "school",
    "contact",
    "mail",
    "noreply",
    "clerk",
    "governors",
    "accounts",
    "team",
    "support",
    "it",
    "helpdesk",
    "dsl",
    "safeguarding",
    "sen",
    "attendance",
    "parents",
    "sales",
    "admissions",
    "hello",
    "staff",
    "allstaff",
    "exams",
    "trips",
    "payroll",
    "invoices",
    "orders",
    "bookings",
    "transport",
    "moderator",
    "duty",
  ])("%s@…", (local) => {
    expect(recipientWords(entry(`${local}@county.gov.uk`)).informative).toBe(false);
  });

  it("a role's display name over its role mailbox does not (a new user's trial)", () => {
    expect(recipientWords(entry("moderator@essex.gov.uk", "KS2 Moderator")).informative).toBe(false);
  });

  it("a person's address or name does", () => {
    expect(recipientWords(entry("sarah.jones@county.gov.uk")).informative).toBe(true);
    expect(recipientWords(entry("office@county.gov.uk", "Sarah Jones")).informative).toBe(true);
    expect(recipientWords(entry("hello@county.gov.uk", "Sarah Jones")).informative).toBe(true);
    expect(recipientWords(entry("jaydensdad@gmail.com")).informative).toBe(false);
    expect(recipientWords(entry("k.lane@gmail.com", "Oliver's Mum")).informative).toBe(false);
  });
});

describe("nameFits: a greeted word that is a property of every object", () => {
  // The short forms were an object literal, where "constructor" found Object's own function and threw.
  it.each(["constructor", "__proto__"])("%s fits no one and does not throw", (greeted) => {
    expect(nameFits(greeted, recipientWords(entry("sarah.jones@county.gov.uk", "Sarah Jones")))).toBe(false);
  });
});

describe("greetedNames and recipientWords, exactly", () => {
  it.each([
    ["Dear Mrs Khan,\n\nText", { names: ["khan"], line: "Dear Mrs Khan,", addressed: "Mrs Khan" }],
    ["  \n Hi Sam!\nText", { names: ["sam"], line: "Hi Sam!", addressed: "Sam" }],
    ["Julie,\nText", { names: ["julie"], line: "Julie,", addressed: "Julie" }],
    ["Julie Thwaite,\nText", { names: ["julie", "thwaite"], line: "Julie Thwaite,", addressed: "Julie Thwaite" }],
    [
      "Dear Mr Smith/Mrs Jones,",
      { names: ["smith", "jones"], line: "Dear Mr Smith/Mrs Jones,", addressed: "Mr Smith/Mrs Jones" },
    ],
    ["Dear Dr. Patel,", { names: ["patel"], line: "Dear Dr. Patel,", addressed: "Dr. Patel" }],
    ["Dear Mr K Li,", { names: ["li"], line: "Dear Mr K Li,", addressed: "Mr K Li" }],
    ["Hello Kofi and Ama,", { names: ["kofi", "ama"], line: "Hello Kofi and Ama,", addressed: "Kofi and Ama" }],
    [
      "Dear Ms Okonkwo-Smith:",
      { names: ["okonkwosmith"], line: "Dear Ms Okonkwo-Smith:", addressed: "Ms Okonkwo-Smith" },
    ],
    ["Good morning Sam,", { names: ["sam"], line: "Good morning Sam,", addressed: "Sam" }],
  ])("%j", (text, expected) => {
    expect(greetedNames(text)).toEqual(expected);
  });

  it.each([
    ["a name line in lower case", "julie,\nText"],
    ["a relation", "Dear Oliver's Mum,"],
    ["an initial alone", "Dear J,"],
    ["a class", "Dear 3B,"],
    ["a greeting line over 60 characters", "Dear Sam Lee, thanks for the long message about the trip next week"],
    ["a name in lower case", "Dear sam,"],
  ])("no one: %s", (_what, text) => {
    expect(greetedNames(text)).toBeUndefined();
  });

  it("trims the punctuation and spaces that end a line", () => {
    expect(trimTrailing("Dear Mrs Khan,!.:; \t")).toBe("Dear Mrs Khan");
    expect(trimTrailing(",,")).toBe("");
  });

  it.each([
    [
      "sarah.jones@county.gov.uk",
      undefined,
      { initials: [], tokens: ["sarah", "jones", "county"], letters: "sarahjones ", informative: true },
    ],
    [
      "SJones@County.gov.uk",
      undefined,
      { initials: ["s"], tokens: ["sjones", "county"], letters: "sjones ", informative: true },
    ],
    [
      "s.jones@county.gov.uk",
      "Sarah Jones",
      {
        initials: ["s"],
        tokens: ["sarah", "jones", "s", "jones", "county"],
        letters: "sjones sarahjones",
        informative: true,
      },
    ],
    [
      "office@freshstart.co.uk",
      "Fresh Start Catering",
      {
        initials: [],
        tokens: ["fresh", "start", "catering", "office", "freshstart"],
        letters: "office freshstartcatering",
        // office@ shown with the company's name and its trade: a shared mailbox, whoever is greeted.
        informative: false,
      },
    ],
    [
      "Year 6 Parents",
      undefined,
      { initials: [], tokens: ["year", "parents"], letters: "yearparents ", informative: false },
    ],
    [
      "k.o'neill@gmail.com",
      "Kerry O'Neill-Smith",
      {
        initials: ["k", "o"],
        tokens: ["kerry", "oneillsmith", "k", "o", "neill", "gmail"],
        letters: "koneill kerryoneillsmith",
        informative: true,
      },
    ],
    [
      "jo@hart-family.co.uk",
      undefined,
      { initials: ["j"], tokens: ["jo", "hart", "family"], letters: "jo ", informative: false },
    ],
    ["a.b@x.com", undefined, { initials: ["a", "b"], tokens: ["a", "b"], letters: "ab ", informative: false }],
  ])("%s (%s)", (address, name, expected) => {
    expect(recipientWords(entry(address, name))).toEqual(expected);
  });
});

describe("misdirected-greeting: when it speaks, and what it says", () => {
  const pack = loadPolicy("st-john-payne");
  const found = (draft: Parameters<typeof runRule>[1]) =>
    runRule(rule, draft, pack).findings.map((finding) => [finding.data, finding.spans]);
  const people = (...locals: string[]) => locals.map((local) => ({ address: `${local}@gmail.com` }));
  const greetingSpan = [{ start: 0, end: "Dear Mrs Khan,".length }];

  it.each([
    [people("sarah.jones"), "sarah.jones@gmail.com"],
    [people("sarah.jones", "tom.price"), "sarah.jones@gmail.com, tom.price@gmail.com"],
    [people("sarah.jones", "tom.price", "amy.wood"), "sarah.jones@gmail.com, tom.price@gmail.com and 1 more"],
    [
      people("sarah.jones", "tom.price", "amy.wood", "ben.cole"),
      "sarah.jones@gmail.com, tom.price@gmail.com and 2 more",
    ],
  ])("%j", (to, recipients) => {
    expect(found(mail("Dear Mrs Khan,", to))).toEqual([[{ greeted: "Mrs Khan", recipients }, greetingSpan]]);
  });

  it("not to more than four", () => {
    expect(found(mail("Dear Mrs Khan,", people("a.jones", "b.price", "c.wood", "d.cole", "e.hill")))).toEqual([]);
  });

  it("Bcc recipients are not who it goes to, but the person greeted may be among them", () => {
    expect(found({ ...mail("Dear Mrs Khan,", people("sarah.jones")), bcc: people("tom.price") })).toEqual([
      [{ greeted: "Mrs Khan", recipients: "sarah.jones@gmail.com" }, greetingSpan],
    ]);
    expect(found({ ...mail("Dear Mrs Khan,", people("sarah.jones")), bcc: people("ayesha.khan") })).toEqual([]);
  });

  it("inside the school only when the mail carries personal data", () => {
    const colleague = [{ address: "sarah.jones@st-john-payne.sch.uk" }];
    expect(found(mail("Dear Mrs Khan,", colleague))).toEqual([]);
    const withData = {
      ...mail("Dear Mrs Khan,", colleague),
      body: "Dear Mrs Khan,\n\nOliver Ashdown has an EHCP.\n\nJo",
    };
    expect(found(withData)).toHaveLength(1);
  });

  it.each([
    ["a contact group", [{ name: "Governors", address: "Governors" }, ...people("sarah.jones")]],
    ["an Exchange group", [{ address: "staff@county.gov.uk", recipientType: "distributionList" as const }]],
    ["a recipient it cannot tell by name", [{ address: "office@county.gov.uk" }, ...people("sarah.jones")]],
    ["only recipients it cannot tell by name", [{ address: "office@county.gov.uk" }, { address: "ak1982@gmail.com" }]],
    ["an unresolved entry that shows a name", [{ name: "Sarah Jones", address: "Sarah Jones" }, ...people("mo.ali")]],
    [
      "an Exchange group that shows a name, beside an outsider",
      [
        { name: "Sarah Jones", address: "sarah.jones@gmail.com", recipientType: "distributionList" },
        ...people("mo.ali"),
      ],
    ],
  ])("not with %s", (_what, to) => {
    expect(found(mail("Dear Mrs Khan,", to))).toEqual([]);
  });

  it("a colleague beside an outsider: the outsider is enough, no personal data needed", () => {
    const to = [{ name: "Rebecca Lyons", address: "r.lyons@st-john-payne.sch.uk" }, ...people("sarah.jones")];
    expect(found(mail("Dear Mrs Khan,", to))).toEqual([
      // Each by the name Outlook shows, with the address to check; an address alone where no name is shown.
      [
        { greeted: "Mrs Khan", recipients: "Rebecca Lyons (r.lyons@st-john-payne.sch.uk), sarah.jones@gmail.com" },
        greetingSpan,
      ],
    ]);
  });

  it("one of two people greeted is enough", () => {
    expect(found(mail("Hi Sam / Alex,", people("sam.jones")))).toEqual([]);
  });

  it("the greeting's place when a space comes before it", () => {
    const draft = { ...mail("Dear Mrs Khan,", people("sarah.jones")), body: " Dear Mrs Khan,\n\nThanks.\n\nJo" };
    expect(found(draft)).toEqual([
      [{ greeted: "Mrs Khan", recipients: "sarah.jones@gmail.com" }, [{ start: 1, end: 1 + "Dear Mrs Khan,".length }]],
    ]);
  });
});

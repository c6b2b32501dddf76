import { ruleTester } from "../../engine/rule-tester.js";
import { loadPolicy } from "../../pack/load.js";
import rule from "./chain-mail.js";

const body = (text: string) => ({ subject: "Fwd", body: text, bodyType: "text" as const });
/** `count` colleagues, none on a list named for the whole staff. */
const colleagues = (count: number) =>
  Array.from({ length: count }, (_, index) => ({ address: `teacher${index + 1}@st-john-payne.sch.uk` }));
const joke = "Ha, this made me laugh.";

ruleTester(rule, {
  pack: loadPolicy("st-john-payne"),
  valid: [
    { name: "passing a message on to one person", draft: body("Pass this on to your class teacher, please.") },
    ...[
      "Can you send this out on the app to Year 5 parents tomorrow please?",
      "Please send this to Y6 parents.",
      "Share this with Class 2 parents.",
    ].map((text) => ({ name: `a year group, not a number of people: ${text}`, draft: body(text) })),
    {
      name: "a job advert to share with anyone who might be interested",
      draft: body("We're recruiting a Finance Officer. Please share with anyone who may be interested."),
    },

    ...["We look forward to seeing everyone on Tuesday.", "Looking forward to welcoming everyone back."].map(
      (text) => ({ name: `looking forward is not passing on: ${text}`, draft: body(text) }),
    ),
    // Development part BD: a deadline is not a chain's "within 24 hours".
    ...[
      "The DPO asks that all requests are logged within 24 hours.",
      "Please record any concern on CPOMS within 24 hours and tell the DSL.",
    ].map((text) => ({ name: `a deadline: ${text}`, draft: { ...body(text), to: colleagues(3) } })),
    { draft: body("Please forward this to the Year 6 team.") },
    { draft: body("Could you share the minutes with governors?") },
    {
      name: "everybody more than 40 characters before the verb",
      draft: body("Thank you to everyone who came to the fair on Saturday. Please forward this to Mrs Ellis."),
    },
    {
      name: "a joke for the newsletter's editor",
      draft: { ...body("Here is a joke for the staff newsletter."), to: [{ address: "j.smith@st-john-payne.sch.uk" }] },
    },
    {
      name: "passing a letter on to parents and friends of the PTA",
      draft: body("Please pass on the letter to parents and friends of the PTA."),
    },
    {
      name: "a joke to one colleague",
      draft: {
        ...body("Ha, this made me laugh - a funny one for Friday."),
        to: [{ address: "j.smith@st-john-payne.sch.uk" }],
      },
    },
    { name: "a joke to eleven colleagues", draft: { ...body(joke), to: colleagues(11) } },
    {
      name: "everyone before the verb, not after it",
      draft: body("Hi everyone, please forward this to the Year 6 team."),
    },
    {
      name: "everyone 61 characters after the verb",
      draft: body("Please forward this to the governors, the parents, the office, and then everyone"),
    },
    {
      name: "a joke to a site team's list, not a staff list",
      draft: { ...body(joke), to: [{ address: "sitestaff@st-john-payne.sch.uk" }] },
    },
    {
      name: "a reply quoting a chain letter, passing nothing on",
      draft: body(
        "Please don't send these to the staff list again.\n\n> Don't break the chain, forward to 20 friends!",
      ),
    },
  ],
  invalid: [
    {
      name: "a luck chain's count of people, its deadline no longer needed",
      draft: body(
        "It has been round the world nine times. Send it to 7 colleagues within 24 hours and Ofsted will go well.",
      ),
      errors: [{ messageId: "chain" }],
    },
    {
      name: "a video hoax passed on, its warning quoted below",
      draft: body(
        "Just passing this on to be safe\n\n> If someone sends you a video called 'Dance of the Pope' don't open it, it hacks your phone. Tell everyone you know.",
      ),
      errors: [{ messageId: "chain", location: "body" }],
    },
    {
      name: "passing a letter on to everyone, 'forward to' without 'look' before it",
      draft: body("Please forward to everyone in your contacts today."),
      errors: [{ messageId: "chain", location: "body" }],
    },
    ...[
      "THIS IS SO TRUE, PLEASE SEND IT ON TO EVERY TEACHER YOU KNOW!",
      "Send this to 10 teachers who have made a difference.",
      "Please share with every parent you know.",
      "PLEASE copy and share to every group and contact you have.",
      "Ho ho ho! Pass it on to anyone who needs cheering up!",
      "Run this and bowl the elves over! Send it round to everyone for a laugh.",
      "Police are saying that if it is shared enough she will be found.",
      "If you delete it the blessing passes to someone else.",
      "Please tell all the contacts in your list not to accept his friend request.",
    ].map((text) => ({
      name: `a chain letter's wording: ${text}`,
      draft: body(text),
      errors: [{ messageId: "chain" }],
    })),
    {
      name: "a joke to the staff list's address",
      draft: { ...body(joke), to: [{ address: "staff@st-john-payne.sch.uk" }] },
      errors: [{ messageId: "chain" }],
    },
    {
      name: "a joke to a staff group's address",
      draft: { ...body(joke), to: [{ address: "staff-junior@st-john-payne.sch.uk" }] },
      errors: [{ messageId: "chain" }],
    },
    {
      // Development parts AM and AN: a reply to all staff above a prayer chain it keeps going.
      name: "a reply keeping a quoted prayer chain going",
      draft: body(
        "Lovely words for Lent - please keep it going!\n\nMaureen\n\nOn Wed, 12 Mar 2025, Jean wrote:\n> This prayer has been round the world 9 times. Send it to 12 people within 24 hours. Do not break the chain.",
      ),
      errors: [{ messageId: "chain" }],
    },
    {
      name: "the sender passing on the chain letter they quote",
      draft: body(
        "Been sent this, looks fun so passing it on x\n\n> Send one recipe to the top name. Please don't break the chain.",
      ),
      errors: [{ messageId: "chain" }],
    },
    {
      name: "a reply-all sending on the blessing it quotes",
      draft: body(
        "Me too! Sending it on - can't hurt before the mocks\n\nFrom: Maureen Kelly\nSent: 12 March 2026 07:50\nSubject: FW: Our Lady's blessing\n\nSend this blessing to 12 people you love within the hour and a miracle will happen this week.",
      ),
      errors: [{ messageId: "chain" }],
    },
    {
      name: "copy and paste, with words between it and 'this'",
      draft: body("In honour of all teachers, copy and paste (don't share) this to 10 friends."),
      errors: [{ messageId: "chain" }],
    },
    {
      name: "to everyone the reader cares about",
      draft: body("Please forward this to anyone you know with children."),
      errors: [{ messageId: "chain" }],
    },
    // Everybody just before the verb counts as much as after it.
    {
      name: "everyone before the verb",
      draft: body("If everyone forwards this to their friends we can find her."),
      errors: [{ messageId: "chain" }],
    },
    {
      name: "the reward per person passed on",
      draft: body("For every person you forward this to, they will pay you $245."),
      errors: [{ messageId: "chain" }],
    },
    {
      name: "pass this to every teacher",
      draft: body("Too true! Pass this to every teacher you know."),
      errors: [{ messageId: "chain" }],
    },
    {
      name: "a virus warning asking to spread the word",
      draft: body("A new virus is going round Outlook. Spread the word and warn everyone you know."),
      errors: [{ messageId: "chain", location: "body", spanTexts: ["Spread the word", "warn everyone"] }],
    },
    {
      name: "passed on to every woman you know",
      draft: body("This happened to a friend of a friend. Please pass it on to every woman you know."),
      errors: [{ messageId: "chain", location: "body", spanTexts: ["pass it on"] }],
    },
    {
      name: "the privacy notice in its 'don't' form",
      draft: body("I don't give permission to Facebook to use my photos. Copy this to your status."),
      errors: [{ messageId: "chain", location: "body", spanTexts: ["I don't give permission", "to your status"] }],
    },
    {
      name: "the copy-and-paste privacy hoax",
      draft: body(
        "I do not give Instagram permission to use my pictures. Copy and paste this and send to all your friends.",
      ),
      errors: [
        {
          messageId: "chain",
          location: "body",
          spanTexts: ["I do not give Instagram", "permission to use my pictures", "Copy and paste", "send to"],
        },
      ],
    },
    {
      name: "forwarded to friends for money",
      draft: body("For every person you forward this e-mail to friends, Microsoft will pay you $245."),
      errors: [{ messageId: "chain", location: "body", spanTexts: ["forward this", "Microsoft will pay you"] }],
    },
    {
      name: "pass it on to everyone",
      draft: body("Please pass this on to everyone in your address book before Friday."),
      errors: [{ messageId: "chain", location: "body" }],
    },
    {
      name: "a joke to all staff",
      draft: {
        ...body("Friday funny - had to share this one!"),
        to: [{ name: "All Staff", address: "allstaff@st-john-payne.sch.uk" }],
      },
      errors: [{ messageId: "chain", location: "body", spanTexts: ["funny", "had to share"] }],
    },
    {
      draft: body("Forward this to everyone you know or bad luck will follow!"),
      errors: [{ messageId: "chain", location: "body" }],
    },
    {
      name: "joke of the day to all staff",
      draft: {
        ...body("Joke of the day: why did the teacher wear sunglasses?"),
        to: [{ name: "All Staff", address: "allstaff@st-john-payne.sch.uk" }],
      },
      errors: [{ messageId: "chain", location: "body", spanTexts: ["Joke"] }],
    },
    {
      name: "a joke to twelve colleagues",
      draft: { ...body(joke), to: colleagues(12) },
      errors: [{ messageId: "chain", location: "body", spanTexts: ["made me laugh"] }],
    },
    {
      name: "a joke to a list whose name, not address, says all staff",
      draft: { ...body(joke), to: [{ name: "Teaching Staff", address: "group-7@st-john-payne.sch.uk" }] },
      errors: [{ messageId: "chain", location: "body", spanTexts: ["made me laugh"] }],
    },
    {
      name: "a joke to a colleague and the all-staff list",
      draft: {
        ...body(joke),
        to: [
          { address: "j.smith@st-john-payne.sch.uk" },
          { name: "All Staff", address: "allstaff@st-john-payne.sch.uk" },
        ],
      },
      errors: [{ messageId: "chain", location: "body", spanTexts: ["made me laugh"] }],
    },
    {
      name: "everyone before the verb and after it",
      draft: body("Hi everyone, please share it with everybody you know."),
      errors: [{ messageId: "chain", location: "body", spanTexts: ["share it with"] }],
    },
    {
      name: "everyone 60 characters after the verb",
      draft: body("Please forward this to the governors, the parents, the office and then everyone"),
      errors: [{ messageId: "chain", location: "body", spanTexts: ["forward this"] }],
    },
    {
      draft: { subject: "Don't break the chain", body: "x", bodyType: "text" },
      errors: [{ messageId: "chain", location: "subject", spanTexts: ["Don't break the chain"] }],
    },
  ],
});

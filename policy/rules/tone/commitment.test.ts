import { ruleTester } from "../../engine/rule-tester.js";
import { loadPolicy } from "../../pack/load.js";
import rule from "./commitment.js";

const body = (text: string) => ({ subject: "Minibus hire", body: text, bodyType: "text" as const });

/** "Thanks." then a sentence of exactly `length` characters (its leading space counted, its full stop not) accepting a quote. */
const afterThanks = (length: number) =>
  "Thanks." + " We are happy to proceed with the quote, and so on".repeat(20).slice(0, length) + ".";

ruleTester(rule, {
  pack: loadPolicy("st-john-payne"),
  valid: [
    { name: "accepting a fact, not terms", draft: body("We accept that the trip was cancelled.") },
    {
      name: "taking up an invitation, nothing bought",
      draft: body("We would like to take up the invitation to the open day."),
    },
    { name: "asking for a quote", draft: body("Could you send a quote for 30 laptops?") },
    {
      name: "proceeding with a trip, not a purchase",
      draft: body("We are happy to proceed with the trip to the zoo."),
    },
    { name: "accepting an invitation", draft: body("I'd be happy to accept the invitation to speak.") },
    // Development part AP: a mortgage's fixed rate is no contract length; accepting a fact with "it".
    { name: "a mortgage's fix", draft: body("We'll go with the 5-year fix.") },
    { name: "accepting it, nothing priced before", draft: body("The trip was cancelled. We accept it.") },
    // Development part AW: "booked" and "confirmed" are as often someone else's act or a private trip.
    {
      name: "a supplier's price confirmed",
      draft: body("Apple have confirmed the price for 15 iPads. Shall I ask for a quote?"),
    },
    {
      name: "a staff event the trust booked",
      draft: body("The Trust has booked an instructor for a free yoga session, £0 to staff."),
    },
    {
      name: "a supplier's acceptance in the message being answered",
      draft: body("Dear all,\n\nThanks.\n\n-----Original Message-----\nFrom: Sales\n\nWe accept your quote of £1,200."),
    },

    { draft: body("Could you send a quote for the minibus hire? I will pass it to the business manager.") },
    { draft: body("I agree with your point about the timetable.") },
    { name: "renewing a friendship, nothing priced", draft: body("We'll renew our link with the school in Lyon.") },
    { name: "approving a plan, not terms", draft: body("We approve of the new seating plan for Year 9.") },
    { name: "asking whether to buy back", draft: body("Should we buy back the HR service next year?") },
    {
      name: "held back by a condition",
      draft: body("Once the business manager has approved it, we will accept the quote."),
    },
    { name: "a refusal", draft: body("We will not be accepting the renewal price of £2,400 this year.") },
    {
      name: "held back by approval still to come",
      draft: body("We are happy to go with the £3,100 price, subject to approval by governors."),
    },
    {
      name: "asking for the quote before going ahead",
      draft: body("Please send the quote and we'll go ahead with the £400 hire."),
    },
    {
      name: "the supplier's acceptance quoted below a reply is not the sender's",
      draft: body(
        "Thanks, noted.\n\nOn Mon, 3 Mar 2025 at 10:02, Sales <sales@example.com> wrote:\n> We accept your order and agree to the price of £900.",
      ),
    },
    // A sentence ends at . ! ; ? or a paragraph break: the cue and the object must share one.
    {
      name: "the object in the next sentence (full stop)",
      draft: body("We are happy to proceed with the trip. The coach firm's quote is attached."),
    },
    {
      name: "the object in the next sentence (exclamation mark)",
      draft: body("We are happy to proceed with the trip! The coach firm's quote is attached."),
    },
    {
      name: "the object in the next sentence (semicolon)",
      draft: body("We are happy to proceed with the trip; the coach firm's quote is attached."),
    },
    {
      name: "the object in the next paragraph",
      draft: body("We are happy to proceed with the trip\n\nThe coach firm's quote is attached"),
    },
    {
      name: "the object in the sentence before",
      draft: body("The coach firm's quote is attached. We are happy to proceed with the trip."),
    },
    {
      name: "a question about the quote, then a go-ahead",
      draft: body("Did the quote arrive? We are happy to proceed."),
    },
    { name: "a question that accepts is still a question", draft: body("Shall we proceed with the quote for £900?") },
    { name: "a price in the next sentence", draft: body("We are happy to proceed with the trip. It costs £450.") },
    {
      name: "a long sentence ending with a cue reports a yes, its next sentence's price is not agreed",
      draft: body(
        "You told us at the start of the job it was all signed off. If the £2,000 isn't refunded we will see.",
      ),
    },
    {
      name: "a bare yes before a question is held back by the question's condition",
      draft: body("Happy to proceed. If you can do it for £400 we'll confirm."),
    },
    {
      name: "a short yes to a colleague's question about a trip's cost is not a commitment",
      draft: {
        subject: "Re: trip",
        body: "Yes, happy to help.\n\nOn Mon, Sam wrote:\n> The quote for the coach is £300 - can you help supervise?",
        bodyType: "text",
        to: [{ address: "sam@st-john-payne.sch.uk" }],
      },
    },
    {
      name: "a short yes to a parent's question, with nothing offered",
      draft: {
        subject: "Re: trip",
        body: "Yes, that is fine.\n\nOn Mon, Mrs Khan wrote:\n> Can I pay the £12 in cash?",
        bodyType: "text",
        to: [{ address: "ayesha.khan@gmail.com" }],
      },
    },
    // A short yes to a supplier's offer: not when the reply is long, asks, holds back, or answers nothing.
    ...[
      [
        "a long reply is read sentence by sentence",
        `Yes. ${"We have looked at the figures with the governors and the bursar this week. ".repeat(3)}`,
      ],
      ["a question", "Yes - could we go ahead in the summer?"],
      ["held back", "Yes, once the governors have approved it."],
      ["no reply of its own", ""],
    ].map(([what, reply]) => ({
      name: `no short yes to an offer: ${what}`,
      draft: {
        subject: "Re: renewal",
        body: `${reply}\n\nOn Mon, Supplier wrote:\n> Your subscription expires 31 May. Renew for 3 years at £1,695?`,
        bodyType: "text" as const,
        to: [{ address: "sales@supplier.example.co.uk" }],
      },
    })),
    {
      name: "no short yes to an offer: nothing quoted",
      draft: {
        subject: "Re: renewal",
        body: "Yes please renew - thanks!",
        bodyType: "text",
        to: [{ address: "sales@supplier.example.co.uk" }],
      },
    },
    { name: "a sentence of 400 characters is not read", draft: body(afterThanks(400)) },
    {
      name: "a cue broken by a paragraph break belongs to neither sentence",
      draft: body("Thanks for the quote, so go\n\nahead."),
    },
  ],
  invalid: [
    // Development parts BC, BO and BP: renewing, signing up for, and going with a quoted rate.
    ...[
      "That's fine, please renew both minibus leases for another 36 months on the terms in your email.",
      "We'd like to sign up for another two years on the same terms, with the 15% commission to the school.",
      "We'll go with the 24-month fixed rate you quoted this morning for the main meter.",
    ].map((text) => ({
      name: `agreeing to renew or a rate: ${text}`,
      draft: body(text),
      errors: [{ messageId: "commitment" }],
    })),
    ...[
      "We would like to take up your annual maintenance agreement at £2,070 per year.",
      "YES PLEASE GO AHEAD. I confirm the £9,870 + VAT in your emergency quote.",
      "yep go ahead at 2,350 + vat, cheers.",
    ].map((text) => ({ name: `agreeing a price: ${text}`, draft: body(text), errors: [{ messageId: "commitment" }] })),
    // Development part AN: buying outright, paying in full, a commission agreed.
    ...[
      "Further to our call, the school will purchase the used coxed four at £9,800, collection in May.",
      "Please send the invoice; we agree to pay in full within 14 days.",
      "Yes that's fine, book us in for 14 May - we agree to the 20% commission to the school.",
    ].map((text) => ({
      name: `buying or agreeing terms: ${text}`,
      draft: body(text),
      errors: [{ messageId: "commitment" }],
    })),
    // Development part AP: an acceptance named as such, an order or booking confirmed, a provider engaged,
    // a tender accepted, a figure with a decimal point, "!!!" after a bare yes, "it" for the quote, a
    // contract's length in figures, terms one is happy with.
    ...[
      "Please consider this our acceptance of the 48-month lease at £612 + VAT per month.",
      "Please treat this as confirmation of the order for 30 Chromebooks.",
      "I'm confirming our booking for 58 pupils from 1-3 July at £189 per pupil.",
      "We'd like to commission you for two days a week from September at £420 per day.",
      "I am pleased to inform you that the Trust has accepted your tender of £186,400.",
      "The Group agrees to the 6.5% increase in the daily meal rate and the extension of the contract.",
      "We accept!!! Please set us up on the three-year subscription at £2,950 a year.",
      "Thank you for the revised quotation. I am pleased to confirm that we accept it in full.",
      "We're happy to proceed and will sign the 20-year PPA at 14.5p/kWh.",
      "Happy with the commission terms - 20% of sales to the school.",
    ].map((text) => ({ name: `agreeing: ${text}`, draft: body(text), errors: [{ messageId: "commitment" }] })),
    // Development part AI: booking or reserving at a price, "let's do it", "yes, do …".
    ...[
      "That's great - please book it at £9,750 for the full package.",
      "Lovely, let's do it - the summer term block at £85 a session.",
      "Terry - yes, do the repair on the platform lift at £2,380 + VAT.",
      "Please reserve the 3-night package for 58 pupils at £249 per pupil.",
    ].map((text) => ({
      name: `booking at a price: ${text}`,
      draft: body(text),
      errors: [{ messageId: "commitment" }],
    })),
    // Development part AK: a short yes to the supplier's offer it answers.
    ...[
      [
        "Hi Lee,\n\nYes, please go ahead on that basis.\n\nJulie",
        "Final quote attached: £18,740 + VAT for the full refit.",
      ],
      ["Yes.\n\nStephen", "Your lease ends 31 August. We can renew the five units on a new 60-month lease."],
      ["Yes please renew - thanks!\n\nMandeep", "Your subscription expires 31 May. Renew for 3 years at £1,695?"],
    ].map(([reply, offer]) => ({
      name: `a short yes to an offer: ${offer}`,
      draft: {
        subject: "Re: offer",
        body: `${reply}\n\nOn Mon, Supplier wrote:\n> ${offer}`,
        bodyType: "text" as const,
        to: [{ address: "sales@supplier.example.co.uk" }],
      },
      errors: [{ messageId: "commitment" }],
    })),
    {
      name: "a short yes to an offer, copied to a colleague as well",
      draft: {
        subject: "Re: renewal",
        body: "Yes please renew - thanks!\n\nOn Mon, Supplier wrote:\n> Your subscription expires 31 May. Renew for 3 years at £1,695?",
        bodyType: "text",
        to: [{ address: "bursar@st-john-payne.sch.uk" }, { address: "sales@supplier.example.co.uk" }],
      },
      errors: [{ messageId: "commitment", location: "body", spanTexts: ["Yes"] }],
    },
    // A bare yes, its price in the next sentence.
    ...[
      "Fine - book it. £7,950 inc VAT for the 30x15 with flooring.",
      "We're happy to proceed. Please hold the 8 June dates at £249 per pupil.",
    ].map((text) => ({ name: `a bare yes: ${text}`, draft: body(text), errors: [{ messageId: "commitment" }] })),
    {
      name: "accepting and asking for the paperwork in one sentence",
      draft: body("We'll accept the £8,950 quote and sign up to the maintenance contract - please send the paperwork."),
      errors: [{ messageId: "commitment" }],
    },
    {
      name: "subject to terms already set out is still agreeing",
      draft: body(
        "The school accepts your tender for three years at £41,200 per annum, subject to the terms in the invitation to tender.",
      ),
      errors: [{ messageId: "commitment" }],
    },
    {
      name: "extending a lease",
      draft: body("Happy to extend the current copier lease for a further 24 months at £396 per quarter."),
      errors: [{ messageId: "commitment" }],
    },
    {
      name: "the signed contract attached",
      draft: body("Please find attached the signed contract for cleaning services at £52,300 per annum."),
      errors: [{ messageId: "commitment" }],
    },
    {
      name: "processing an order",
      draft: body("Yes please process the order for 180 revision guides, total £1,026."),
      errors: [{ messageId: "commitment" }],
    },
    {
      name: "the school as the one accepting (third person)",
      draft: body(
        "I am pleased to confirm that the school accepts your tender for coach hire at the rates in your schedule.",
      ),
      errors: [{ messageId: "commitment", location: "body", spanTexts: ["pleased to confirm that"] }],
    },
    {
      name: "confirming a supplier for a term (development part BD)",
      draft: body(
        "We're delighted to confirm Kukri as our sole kit supplier for the next three years on the terms in your proposal.",
      ),
      errors: [{ messageId: "commitment", location: "body", spanTexts: ["delighted to confirm"] }],
    },
    {
      name: "going with an option on a lease",
      draft: body("We're happy to go with the Canon option on the 60-month lease at £612 per quarter."),
      errors: [{ messageId: "commitment", location: "body", spanTexts: ["go with"] }],
    },
    // Development part AW: a renewal or package confirmed, a purchase order sent.
    {
      name: "a renewal confirmed at the price quoted",
      draft: body("Confirming we're renewing Arbor for the 3 years at the price quoted."),
      errors: [{ messageId: "commitment", location: "body", spanTexts: ["renewing"] }],
    },
    {
      name: "a purchase order to follow",
      draft: body("Yes please, PO to follow."),
      errors: [{ messageId: "commitment", location: "body", spanTexts: ["PO to follow"] }],
    },
    {
      name: "signing up for years",
      draft: body("Sign us up for the three-year licence please."),
      errors: [{ messageId: "commitment", location: "body", spanTexts: ["Sign us up"] }],
    },
    {
      name: "this email as the order",
      draft: body("Please take this email as our order for the 24-month contract."),
      errors: [{ messageId: "commitment", location: "body", spanTexts: ["take this email as our"] }],
    },
    {
      name: "acceptance and a commercial object in one sentence",
      draft: body("We are happy to accept your quotation of £4,200 and go ahead with the three-year contract."),
      errors: [{ messageId: "commitment", location: "body", spanTexts: ["accept"] }],
    },
    {
      draft: body("We accept your quote of £1,200 and will pay on delivery."),
      errors: [{ messageId: "commitment", location: "body", spanTexts: ["accept"] }],
    },
    {
      draft: body("Please take this email as confirmation of our order for 30 laptops."),
      errors: [
        {
          messageId: "commitment",
          location: "body",
          spanTexts: ["take this email as confirmation"],
        },
      ],
    },
    {
      name: "a price with no other object",
      draft: body("We are happy to proceed at £450."),
      errors: [{ messageId: "commitment", location: "body", spanTexts: ["proceed"] }],
    },
    {
      name: "the object as the last word of the sentence",
      draft: body("We are happy to proceed with your quote."),
      errors: [{ messageId: "commitment", location: "body", spanTexts: ["proceed"] }],
    },
    {
      name: "the last sentence without a full stop",
      draft: body("Thanks for this. We are happy to proceed with your quote"),
      errors: [{ messageId: "commitment", location: "body", spanTexts: ["proceed"] }],
    },
    {
      name: "a sentence wrapped across a line",
      draft: body("We are happy to proceed with the\nquotation for the minibus."),
      errors: [{ messageId: "commitment", location: "body", spanTexts: ["proceed"] }],
    },
    {
      name: "a sentence of 399 characters is read",
      draft: body(afterThanks(399)),
      errors: [{ messageId: "commitment", location: "body", spanTexts: ["proceed"] }],
    },
    {
      name: "a sentence after a long one",
      draft: body(
        "Thanks for the figures for the coach, the minibus, the hall hire, the lunches and the staff cover, which we went through at length in the finance meeting on Tuesday with the business manager, the bursar and two governors, and which they all thought were fair for a trip of this size and for the time of year. We are happy to accept your quotation of £4,200.",
      ),
      errors: [{ messageId: "commitment", location: "body", spanTexts: ["accept"] }],
    },
    {
      name: "a go-ahead with no object, then another with one",
      draft: body("We are happy to proceed with the trip. We are also happy to proceed with your quote."),
      errors: [{ messageId: "commitment", location: "body", spanTexts: ["proceed"] }],
    },
    {
      name: "a go-ahead before an explicit phrase, spans in text order",
      draft: body("We are happy to proceed with your quote. We accept the terms."),
      errors: [{ messageId: "commitment", location: "body", spanTexts: ["proceed", "accept"] }],
    },
    {
      draft: body("We agree to the terms and are happy to proceed."),
      errors: [{ messageId: "commitment", location: "body", spanTexts: ["We agree"] }],
    },
    // Development part BH: agreeing a price, approving a variation, renewing a licence at a price.
    {
      name: "agreeing the price",
      draft: body("Fine by us: agree the revised price of £2,650 for the planting."),
      errors: [{ messageId: "commitment", location: "body", spanTexts: ["agree the"] }],
    },
    {
      name: "approving a contract variation",
      draft: body("I approve variation 4 to the cleaning contract at £310 a month."),
      errors: [{ messageId: "commitment", location: "body", spanTexts: ["I approve"] }],
    },
    {
      name: "renewing a subscription at a price",
      draft: body("We'll renew the reading licence for two years at £1,140 a year."),
      errors: [{ messageId: "commitment", location: "body", spanTexts: ["We'll renew"] }],
    },
    // Development part BF: accepting a tender, buying back a service, extending a contract.
    {
      name: "accepting a tender",
      draft: body("I can confirm acceptance of your tender for the roof repairs at £18,400."),
      errors: [{ messageId: "commitment", location: "body", spanTexts: ["confirm acceptance"] }],
    },
    {
      name: "buying back a service",
      draft: body("We will buy back the HR service for 2026-27 at £2,300."),
      errors: [{ messageId: "commitment", location: "body", spanTexts: ["buy back"] }],
    },
    {
      name: "extending a contract",
      draft: body("I can confirm that we'd like to extend the catering contract for a further year."),
      errors: [{ messageId: "commitment", location: "body", spanTexts: ["confirm that we'd like"] }],
    },
    {
      name: "renewing, written out",
      draft: body("We will renew the lease on the same terms."),
      errors: [{ messageId: "commitment", location: "body", spanTexts: ["We will renew"] }],
    },
  ],
});

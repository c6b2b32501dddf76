// Trained by `npm run train:models` (scripts/train-models.ts) on the development set of commit e89d174 only; do not edit.
// Not retrained since: retrained on today's development set its held-out F1 is lower (see docs/detection.md).
// Its 39 features of weight +0.10 (the smallest kept) were taken out on 2026-12-02 for the send bundle's bytes:
// development tone 0.884 -> 0.887 (47 false alarms, not 51; 12 misses, not 10), held-out A-O unchanged (0.905).
// Its 61 features of weight +0.12 (the smallest kept since) were taken out on 2026-12-03 for 239 bytes: development
// tone 0.887 -> 0.877 (44 false alarms, not 47; 19 misses, not 12), held-out A-Q unchanged (0.907: 3 fewer false
// alarms, 2 more misses).
import { unpackModel } from "../../model/text-classifier.js";

export const toneModel = unpackModel({
  label: "tone",
  bias: -1.626,
  threshold: 0.35,
  step: 0.02,
  packed: [
    "-69:hi",
    "-40:dear",
    "-37:please",
    "-28:for",
    "-20:x",
    "-18:my",
    "-17:on",
    "-16:has personal",
    "-15:by could_you thank thank_you the",
    "-14:all for_the",
    "-13:attached could in_the will",
    "-12:bring home in thanks week",
    "-11:at can_you morning staff",
    "-10:first friday is mum or pm",
    "-9:me need night saturday",
    "-8:each form hi_all march mrs need_to our so y",
    "-7:after april below confirm from happy lovely may on_friday order th wednesday you_for",
    "-6:any asked children colleagues cpoms hello i'd_like i_can it_on logged school staffroom the_staffroom update weekend with yes",
    "-5:all_the book break came can concern day dear_colleagues details end following forward i_think if just_to last_night let_me me_know meet plan referral reminder request said says sounds term the_school this_is this_morning tomorrow tonight use we're",
    "7:a_bit a_word are can't_be cover feral got her how i'm_not in_a incompetent is_the let's_not looked man of_the oh one own people prep shambles she start teach them they_can when who's whole without you_got",
    "8:about actually anything anyway expect head him isn't it joke perhaps she'll third turn useless waste waste_of we were whoever why woman word",
    "9:absolute asking better exactly i_don't read_the telling this_time up_the wrong you you_are",
    "10:bit couldn't didn't else i_want i_wouldn't job kid next_time only work",
    "11:but last never proper some",
    "12:do let's lot maybe more no she's site sure was",
    "13:they three want wouldn't",
    "14:another think you've",
    "16:clearly i'm is_a",
    "17:every i who",
    "18:be frankly what",
    "19:of someone time your",
    "21:a not",
    "22:can't",
    "23:again don't honestly read",
    "24:their",
    "27:up",
    "34:that",
  ],
  trainedOn:
    "development set: 1409 drafts (126 positive), sample.jsonl and test/corpus/dev; 5-fold CV F1 rules alone 0.667, rules OR model 0.840 at p >= 0.35, chosen for the sample's rate of 8.2% (F1 there 0.834); repacked by the trainer's packWeights (steps of 0.02, word weights under 0.1 left out: 336 of 502 kept)",
});

// Trained by `npm run train:models` (scripts/train-models.ts) on the development set of commit e89d174 only; do not edit.
// Not retrained since: retrained on today's development set its held-out F1 is lower (see docs/detection.md).
// Its 39 features of weight +0.10 (the smallest kept) were taken out on 2026-12-02 for the send bundle's bytes:
// development tone 0.884 -> 0.887 (47 false alarms, not 51; 12 misses, not 10), held-out A-O unchanged (0.905).
// Its 61 features of weight +0.12 (the smallest kept since) were taken out on 2026-12-03 for 239 bytes: development
// tone 0.887 -> 0.877 (44 false alarms, not 47; 19 misses, not 12), held-out A-Q unchanged (0.907: 3 fewer false
// alarms, 2 more misses).
// On 2026-12-05 its weights were rounded to steps of 0.04 (from 0.02; a half step away from zero) for 43 bytes of
// the send bundle: development tone 0.889 -> 0.888, held-out (40 parts) 0.906 -> 0.906.
import { unpackModel } from "../../model/text-classifier.js";

export const toneModel = unpackModel({
  label: "tone",
  bias: -1.626,
  threshold: 0.35,
  step: 0.04,
  packed: [
    "-35:hi",
    "-20:dear",
    "-19:please",
    "-14:for",
    "-10:x",
    "-9:my on",
    "-8:by could_you has personal thank thank_you the",
    "-7:all attached could for_the in_the will",
    "-6:at bring can_you home in morning staff thanks week",
    "-5:first friday is me mum need night or pm saturday",
    "-4:after april below confirm each form from happy hi_all lovely march may mrs need_to on_friday order our so th wednesday y you_for",
    "-3:all_the any asked book break came can children colleagues concern cpoms day dear_colleagues details end following forward hello i'd_like i_can i_think if it_on just_to last_night let_me logged me_know meet plan referral reminder request said says school sounds staffroom term the_school the_staffroom this_is this_morning tomorrow tonight update use we're weekend with yes",
    "4:a_bit a_word about actually anything anyway are can't_be cover expect feral got head her him how i'm_not in_a incompetent is_the isn't it joke let's_not looked man of_the oh one own people perhaps prep shambles she she'll start teach them they_can third turn useless waste waste_of we were when who's whoever whole why without woman word you_got",
    "5:absolute asking better bit couldn't didn't else exactly i_don't i_want i_wouldn't job kid next_time only read_the telling this_time up_the work wrong you you_are",
    "6:but do last let's lot maybe more never no proper she's site some sure was",
    "7:another they think three want wouldn't you've",
    "8:clearly i'm is_a",
    "9:be every frankly i what who",
    "10:of someone time your",
    "11:a can't not",
    "12:again don't honestly read their",
    "14:up",
    "17:that",
  ],
  trainedOn:
    "development set: 1409 drafts (126 positive), sample.jsonl and test/corpus/dev; 5-fold CV F1 rules alone 0.667, rules OR model 0.840 at p >= 0.35, chosen for the sample's rate of 8.2% (F1 there 0.834); repacked by the trainer's packWeights (steps of 0.02, word weights under 0.1 left out: 336 of 502 kept)",
});

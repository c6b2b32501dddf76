/**
 * DfE local authority codes, the three digits after a UPN's check letter (characters 2–4), as
 * inclusive ranges. From the DfE's published LA codes (post-April 1999 LAs and pseudo-LA codes, as MIS
 * census validation 1530 lists them). A UPN-shaped string with an unknown LA code and no "UPN" nearby
 * is more likely a product or order code, so it is not reported on shape and check letter alone.
 * The ranges 835–841 and 935–943 are widened to take in the codes of councils created since 2019
 * (Dorset, BCP, the Northamptonshire and Cumbria splits); add new councils' codes here.
 */
export const LA_CODE_RANGES: readonly (readonly [number, number])[] = [
  [1, 5],
  [201, 213],
  [301, 320],
  [330, 336],
  [340, 344],
  [350, 359],
  [370, 373],
  [380, 384],
  [390, 394],
  [420, 420],
  [660, 681],
  [701, 708],
  [800, 803],
  [805, 808],
  [810, 813],
  [815, 816],
  [820, 823],
  [825, 826],
  [830, 831],
  [835, 841],
  [845, 846],
  [850, 852],
  [855, 857],
  [860, 861],
  [865, 896],
  [908, 909],
  [916, 916],
  [919, 919],
  [921, 921],
  [925, 926],
  [928, 929],
  [931, 931],
  [933, 933],
  [935, 943],
];

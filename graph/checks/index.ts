import { delegation } from "./delegation.js";
import { externalForwarding } from "./external-forwarding.js";
import { outOfOffice } from "./out-of-office.js";
import { outOfOfficeContent } from "./out-of-office-content.js";
import type { SweepCheck } from "./types.js";

/** Every sweep check, by id. */
export const checks: readonly SweepCheck[] = [delegation, externalForwarding, outOfOffice, outOfOfficeContent];

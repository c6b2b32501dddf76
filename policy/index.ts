/** The core's public API: every surface (add-in, Teams tab, Graph sweep, CLI) imports from here. */
export { analyzeDraft, type AnalyzeOptions } from "./engine/analyze.js";
export { applyFix } from "./engine/fix.js";
export { normalizeDraft, isEncrypted, isInternalAddress, domainOf, type DraftInput } from "./engine/draft.js";
export { htmlToText } from "./engine/html-to-text.js";
export { detectPersonalData } from "./detectors/index.js";
export { parsePolicy } from "./pack/parse.js";
export { PolicyPackError } from "./pack/errors.js";
export { rules } from "./rules/registry.js";
export { sensitiveEntities, ENCRYPT_WORTHY_TYPES } from "./rules/personal-data/sensitive.js";
export * from "./engine/types.js";
export type { PolicyPack, PolicyPackInput, PolicyDocumentMeta, EncryptionMechanism } from "./pack/schema.js";

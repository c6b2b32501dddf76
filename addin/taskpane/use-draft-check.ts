import { useCallback, useEffect, useRef, useState } from "react";
import { analyzeDraft } from "../../policy/engine/analyze.js";
import { applyFix } from "../../policy/engine/fix.js";
import type { Analysis, Fix, PolicyPack } from "../../policy/engine/types.js";
import { entityTexts, type EntityTexts } from "../../policy/rules/personal-data/sensitive.js";
import { fingerprintDraft } from "../core/fingerprint.js";
import type { ComposeItem, RequirementCheck } from "../office/item.js";
import { nudgesFor, showNudges } from "../office/notifications.js";
import { readDraft, type ReadResult } from "../office/read.js";
import { readSentHistory } from "../office/sent-history.js";
import { writeFix } from "../office/write.js";

/** The body has no change event: re-read on this interval while the pane is open, and on focus. */
export const POLL_MS = 1500;

export interface DraftCheck {
  readonly analysis: Analysis | undefined;
  /** The subject, body and attachment names the analysis read (the pane reads the body as text). */
  readonly texts: EntityTexts | undefined;
  readonly error: string | undefined;
  readonly checking: boolean;
  readonly applying: string | undefined;
  readonly recheck: () => Promise<void>;
  readonly apply: (fix: Fix, key: string) => Promise<void>;
}

export function useDraftCheck(item: ComposeItem, pack: PolicyPack, supported: RequirementCheck): DraftCheck {
  const [analysis, setAnalysis] = useState<Analysis>();
  const [texts, setTexts] = useState<EntityTexts>();
  const [error, setError] = useState<string>();
  const [checking, setChecking] = useState(true);
  const [applying, setApplying] = useState<string>();
  const last = useRef<{ fingerprint: string; read: ReadResult }>(undefined);
  const inFlight = useRef(false);

  const recheck = useCallback(
    async (force = false) => {
      if (inFlight.current) return;
      inFlight.current = true;
      try {
        const read = await readDraft(item, supported, pack.encryption.mechanism);
        const fingerprint = fingerprintDraft(read.draft);
        if (force || fingerprint !== last.current?.fingerprint) {
          const sentBefore = readSentHistory();
          const next = analyzeDraft(sentBefore ? { ...read.draft, sentBefore } : read.draft, pack);
          setAnalysis(next);
          setTexts(
            entityTexts(
              read.draft.subject,
              read.draft.body,
              read.draft.attachments.map((attachment) => attachment.name),
            ),
          );
          // The compose banners follow the analysis: replaced when it changes, removed when nothing is left.
          await showNudges(item, nudgesFor(next, "pane")).catch(() => undefined);
        }
        last.current = { fingerprint, read };
        setError(undefined);
      } catch (caught) {
        setError(caught instanceof Error ? caught.message : String(caught));
      } finally {
        inFlight.current = false;
        setChecking(false);
      }
    },
    [item, pack, supported],
  );

  useEffect(() => {
    void recheck(true);
    const timer = setInterval(() => {
      if (document.visibilityState !== "hidden") void recheck();
    }, POLL_MS);
    const onFocus = () => void recheck();
    window.addEventListener("focus", onFocus);
    return () => {
      clearInterval(timer);
      window.removeEventListener("focus", onFocus);
    };
  }, [recheck]);

  const apply = useCallback(
    async (fix: Fix, key: string) => {
      setApplying(key);
      try {
        const before = (await readDraft(item, supported, pack.encryption.mechanism)) satisfies ReadResult;
        await writeFix(item, fix, before.draft, applyFix(before.draft, fix), before.attachmentIds, supported);
        setError(undefined);
      } catch (caught) {
        setError(caught instanceof Error ? caught.message : String(caught));
      } finally {
        setApplying(undefined);
        await recheck(true);
      }
    },
    [item, pack, supported, recheck],
  );

  return { analysis, texts, error, checking, applying, recheck: () => recheck(true), apply };
}

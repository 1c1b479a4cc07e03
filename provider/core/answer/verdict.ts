/** Whether an invitation found (or not) during `check` can be answered by `up`, and what to warn of. */
export type Verdict = { ok: true; warning?: string } | { ok: false; reason: string };

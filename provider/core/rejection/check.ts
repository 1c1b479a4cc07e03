/** `check` for a rejection: the shared check of an answer (../answer/check.ts), judged as a rejection. */
import type * as pulumi from "@pulumi/pulumi";
import type { RamSessions } from "../../ram/ram-sessions";
import { AnswerRules, checkAnswer } from "../answer/check";
import type { CheckPhase } from "../answer/phase";
import type { RejectionInputs } from "../answer/properties";
import { judgeInvitation } from "./verdict";

const REJECTION_RULES: AnswerRules = {
    resourceName: "InvitationRejection",
    judge: judgeInvitation,
    ownInputs: () => ({ inputs: {}, failures: [] }),
    keptFacts: [],
};

export function checkRejection(
    sessions: RamSessions,
    olds: Partial<RejectionInputs>,
    news: Partial<RejectionInputs>,
    phase: CheckPhase,
): Promise<pulumi.dynamic.CheckResult> {
    return checkAnswer(REJECTION_RULES, sessions, olds, news, phase);
}

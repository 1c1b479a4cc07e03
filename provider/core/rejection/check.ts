/** The rules of `check` for a rejection: the shared check of an answer (../answer/check.ts), judged as a rejection. */
import type { AnswerRules } from "../answer/check";
import { judgeInvitation } from "./verdict";

export const REJECTION_RULES: AnswerRules = {
    resourceName: "InvitationRejection",
    judge: judgeInvitation,
    ownInputs: () => ({ inputs: {}, failures: [] }),
    keptFacts: [],
};

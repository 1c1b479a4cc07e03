import type { AnswerLifecycle } from "../answer/lifecycle";
import { diffAnswer } from "../answer/diff";
import { ACCESS_FIELDS, RejectionInputs, RejectionState } from "../answer/properties";
import { updateAnswer } from "../answer/update";
import { checkAnswer } from "../answer/check";
import { REJECTION_RULES } from "./check";
import { deriveClientToken } from "./client-token";
import { createRejection } from "./create";
import { forgetRejection } from "./delete";
import { importRejection } from "./import";
import { readRejection } from "./read";

/**
 * InvitationRejection: one RejectResourceShareInvitation with the resource's token. Only how the
 * account is reached can change without a replacement; deleting forgets (a rejection is final).
 */
export const REJECTION: AnswerLifecycle = {
    resourceName: "InvitationRejection",
    deriveToken: deriveClientToken,
    check: (sessions, olds, news, phase) => checkAnswer(REJECTION_RULES, sessions, olds, news, phase),
    diff: (olds, news) =>
        diffAnswer(olds as unknown as RejectionState, news as unknown as RejectionInputs, ACCESS_FIELDS),
    create: (sessions, inputs) => createRejection(sessions, inputs as unknown as RejectionInputs),
    read: (sessions, id, state) => readRejection(sessions, id, state as RejectionState | undefined),
    update: (olds, news) => updateAnswer(olds, news, ACCESS_FIELDS),
    delete: (_sessions, id) => forgetRejection(id),
    importState: async (sessions, target, urn) => ({ ...(await importRejection(sessions, target, urn)) }),
};

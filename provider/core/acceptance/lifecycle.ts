import type { AnswerLifecycle } from "../answer/lifecycle";
import { diffAnswer } from "../answer/diff";
import type { RejectionInputs, RejectionState } from "../answer/properties";
import { updateAnswer } from "../answer/update";
import { checkAnswer } from "../answer/check";
import { ACCEPTANCE_RULES } from "./check";
import { deriveAcceptanceClientToken } from "./client-token";
import { createAcceptance } from "./create";
import { deleteAcceptance } from "./delete";
import { importAcceptance } from "./import";
import { ACCEPTANCE_UPDATABLE_FIELDS, AcceptanceInputs, AcceptanceState } from "./properties";
import { readAcceptance } from "./read";

/**
 * InvitationAcceptance: one AcceptResourceShareInvitation with the resource's token, then a wait for
 * the share's association. How the account is reached, and settings that matter only later, change
 * without a replacement; deleting forgets, or leaves the share with `leaveShareOnDelete`.
 */
export const ACCEPTANCE: AnswerLifecycle = {
    resourceName: "InvitationAcceptance",
    deriveToken: deriveAcceptanceClientToken,
    check: (sessions, olds, news, phase) => checkAnswer(ACCEPTANCE_RULES, sessions, olds, news, phase),
    diff: (olds, news) =>
        diffAnswer(olds as unknown as RejectionState, news as unknown as RejectionInputs, ACCEPTANCE_UPDATABLE_FIELDS),
    create: (sessions, inputs) => createAcceptance(sessions, inputs as unknown as AcceptanceInputs),
    read: (sessions, id, state) => {
        if (!state) {
            // Reading by id alone is an import, which takes the resource's URN to derive its token.
            throw new Error(
                `${id}: an InvitationAcceptance cannot be read by id alone. Import it with the provider plugin ` +
                    `(pulumi import ram-invitations:index:InvitationAcceptance <name> <invitationArn>).`,
            );
        }
        return readAcceptance(sessions, id, state as unknown as AcceptanceState);
    },
    update: (olds, news) => updateAnswer(olds, news, ACCEPTANCE_UPDATABLE_FIELDS),
    delete: (sessions, id, state) => deleteAcceptance(sessions, id, state as unknown as AcceptanceState),
    importState: async (sessions, target, urn) => ({ ...(await importAcceptance(sessions, target, urn)) }),
};

/**
 * `check` for an acceptance: the rejection's check (selection, role, token, a look at the invitation
 * so that preview fails where `up` would), with the acceptance's verdict, its own inputs, and what
 * the share will make visible, for the reviewer.
 */
import { ResourceShareInvitation, ResourceShareInvitationStatus } from "@aws-sdk/client-ram";
import { warn } from "../../diagnostics";
import { describeLookupFailure } from "../../ram/messages";
import type { RamSession } from "../../ram/ram-session";
import { findPendingResources } from "../../ram/share-finders";
import type { AnswerRules } from "../answer/check";
import { checkAcceptanceInputs } from "../../inputs/acceptance-inputs";
import { judgeForAcceptance } from "./verdict";

export const ACCEPTANCE_RULES: AnswerRules = {
    resourceName: "InvitationAcceptance",
    judge: judgeForAcceptance,
    ownInputs: checkAcceptanceInputs,
    keptFacts: ["sharedResources"],
    previewFacts,
};

/**
 * What a pending invitation's share will make visible once accepted, as far as RAM shows it before
 * acceptance. Best effort: without it the preview still shows sender and share name.
 */
async function previewFacts(
    session: RamSession,
    invitation: ResourceShareInvitation,
): Promise<Record<string, unknown>> {
    if (invitation.status !== ResourceShareInvitationStatus.PENDING || !invitation.resourceShareInvitationArn) {
        return {};
    }
    const region = invitation.resourceShareInvitationArn.split(":")[3] ?? "";
    try {
        const client = session.clients.forLookups(region);
        return { sharedResources: await findPendingResources(client, invitation.resourceShareInvitationArn) };
    } catch (error) {
        const context = session.contextWithoutAccount(invitation.resourceShareInvitationArn, region);
        warn(
            `could not list what ${invitation.resourceShareInvitationArn} shares ` +
                `(${describeLookupFailure(error, context)}); the preview shows sender and share name only.`,
        );
        return {};
    }
}

import { GetResourceShareInvitationsCommand, RAMClient, ResourceShareInvitation } from "@aws-sdk/client-ram";
import { errorName } from "./rejection-errors";

/**
 * Looks up one invitation as the calling account sees it. Returns undefined when RAM does not
 * return it (unknown ARN, another account's invitation, or a share that was deleted).
 */
export async function findInvitation(
    client: RAMClient,
    invitationArn: string,
): Promise<ResourceShareInvitation | undefined> {
    try {
        const answer = await client.send(
            new GetResourceShareInvitationsCommand({ resourceShareInvitationArns: [invitationArn] }),
        );
        return answer.resourceShareInvitations?.find((i) => i.resourceShareInvitationArn === invitationArn);
    } catch (error) {
        if (errorName(error) === "ResourceShareInvitationArnNotFoundException") {
            return undefined;
        }
        throw error;
    }
}

import type { ResourceShareInvitation } from "@aws-sdk/client-ram";
import { setTimeout as sleep } from "node:timers/promises";
import type { InvitationLoader } from "./invitation-loader";

/** How long to wait, by default, for a share's invitation to show up (RAM is eventually consistent). */
export const DEFAULT_INVITATION_WAIT_SECONDS = 60;

/**
 * The invitation a share sent to the calling account. A share can have sent more than one over
 * time (a new one after the first expired): the pending one is the one to act on, otherwise the newest.
 */
export function pickShareInvitation(invitations: ResourceShareInvitation[]): ResourceShareInvitation | undefined {
    const newestFirst = [...invitations].sort(
        (a, b) => (b.invitationTimestamp?.getTime() ?? 0) - (a.invitationTimestamp?.getTime() ?? 0),
    );
    return newestFirst.find((i) => i.status === "PENDING") ?? newestFirst[0];
}

/**
 * Finds the invitation of a share, asking RAM again with growing pauses (1 s, 2 s, 4 s, ... at
 * most 10 s) while none is visible, for at most `waitSeconds`. Undefined if none appeared.
 */
export async function waitForShareInvitation(
    loader: InvitationLoader,
    region: string,
    resourceShareArn: string,
    waitSeconds: number,
): Promise<ResourceShareInvitation | undefined> {
    const deadline = Date.now() + waitSeconds * 1000;
    for (let pause = 1000; ; pause = Math.min(pause * 2, 10_000)) {
        const invitation = pickShareInvitation(await loader.loadForShare(region, resourceShareArn));
        const remaining = deadline - Date.now();
        if (invitation || remaining <= 0) {
            return invitation;
        }
        await sleep(Math.min(pause, remaining));
    }
}

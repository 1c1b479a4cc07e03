/**
 * The finders: every way the provider reads an invitation from RAM, named by one vocabulary and
 * written once. `find...` answers from the region's listing when it can (one call answers every
 * resource of a run) and asks RAM for a miss; `findCurrent...` always asks RAM, for a status that
 * may just have changed; `waitFor...` asks again while RAM does not show it yet.
 */
import { ResourceShareInvitation, ResourceShareInvitationStatus } from "@aws-sdk/client-ram";
import { pollWithBackoff } from "./backoff";
import type { InvitationLoader } from "./invitation-loader";

/** The invitation with this ARN as the calling account sees it; undefined when RAM does not show it. */
export async function findInvitationByArn(
    loader: InvitationLoader,
    region: string,
    invitationArn: string,
): Promise<ResourceShareInvitation | undefined> {
    const listing = await loader.listing(region);
    return listing.byArn.get(invitationArn) ?? (await loader.load(region, invitationArn));
}

/** The invitation as RAM shows it now, not as this process last saw it. */
export function findCurrentInvitation(
    loader: InvitationLoader,
    region: string,
    invitationArn: string,
): Promise<ResourceShareInvitation | undefined> {
    return loader.load(region, invitationArn);
}

/** The invitation as the region's listing (read once per process) shows it; undefined when not listed. */
export async function findListedInvitation(
    loader: InvitationLoader,
    region: string,
    invitationArn: string,
): Promise<ResourceShareInvitation | undefined> {
    return (await loader.listing(region)).byArn.get(invitationArn);
}

/**
 * The invitation as this process has already seen it in this run (listed, or handed over by the
 * program that listed it), without a call; undefined when it has not seen it.
 */
export function findSeenInvitation(
    loader: InvitationLoader,
    region: string,
    invitationArn: string,
): Promise<ResourceShareInvitation | undefined> {
    return loader.alreadySeen(region, invitationArn);
}

/**
 * The invitation a share sent to the calling account, from the listing or else asked for again
 * for up to `waitSeconds` (see {@link waitForInvitationForShare}).
 */
export async function findInvitationForShare(
    loader: InvitationLoader,
    region: string,
    resourceShareArn: string,
    waitSeconds: number,
): Promise<ResourceShareInvitation | undefined> {
    const listing = await loader.listing(region);
    return (
        pickShareInvitation(listing.byShareArn.get(resourceShareArn) ?? []) ??
        (await waitForInvitationForShare(loader, region, resourceShareArn, waitSeconds))
    );
}

/**
 * Finds the invitation of a share, asking RAM again with growing pauses while none is visible, for
 * at most `waitSeconds` (see {@link pollWithBackoff}). Undefined if none appeared.
 */
export function waitForInvitationForShare(
    loader: InvitationLoader,
    region: string,
    resourceShareArn: string,
    waitSeconds: number,
): Promise<ResourceShareInvitation | undefined> {
    return pollWithBackoff(
        async () => pickShareInvitation(await loader.loadForShare(region, resourceShareArn)),
        waitSeconds,
    );
}

/**
 * The invitation a share sent to the calling account. A share can have sent more than one over
 * time (a new one after the first expired): the pending one is the one to act on, otherwise the newest.
 */
export function pickShareInvitation(invitations: ResourceShareInvitation[]): ResourceShareInvitation | undefined {
    const newestFirst = [...invitations].sort(
        (a, b) => (b.invitationTimestamp?.getTime() ?? 0) - (a.invitationTimestamp?.getTime() ?? 0),
    );
    return newestFirst.find((i) => i.status === ResourceShareInvitationStatus.PENDING) ?? newestFirst[0];
}

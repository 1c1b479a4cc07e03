/**
 * The finders for what a receiving account sees of a share: whether it is shared with the account
 * (GetResourceShares with `resourceOwner: OTHER-ACCOUNTS`, which lists a share only once the
 * account's association with it is ASSOCIATED), the resources it shares (ListResources), and what
 * it would share before the invitation is accepted (ListPendingInvitationResources). Written once,
 * in the vocabulary of invitation-finders.ts.
 */
import {
    GetResourceSharesCommand,
    paginateGetResourceShares,
    paginateListPendingInvitationResources,
    paginateListResources,
    RAMClient,
    Resource,
    ResourceOwner,
    ResourceShare,
    ResourceShareStatus,
} from "@aws-sdk/client-ram";
import { pollWithBackoff } from "./backoff";

/** One resource a share makes visible: its ARN and RAM's type for it (e.g. `ec2:Subnet`). */
export interface SharedResource {
    arn: string;
    type: string;
}

/** What every acceptance of a region reads at refresh: the shares shared with the account, and their resources. */
export interface SharedWithAccount {
    shares: Map<string, ResourceShare>;
    resourcesByShare: Map<string, SharedResource[]>;
}

/** The share as the account sees it shared with it, now; undefined when it is not (yet, or any more). */
export async function findSharedShare(client: RAMClient, resourceShareArn: string): Promise<ResourceShare | undefined> {
    const answer = await client.send(
        new GetResourceSharesCommand({
            resourceOwner: ResourceOwner.OTHER_ACCOUNTS,
            resourceShareArns: [resourceShareArn],
        }),
    );
    return answer.resourceShares?.find((share) => share.resourceShareArn === resourceShareArn);
}

/**
 * Waits, with the backoff of every wait on RAM (see pollWithBackoff), until the share is shared with
 * the account and ACTIVE: its association is ASSOCIATED. Undefined if that did not happen in time.
 */
export function waitForAssociation(
    client: RAMClient,
    resourceShareArn: string,
    waitSeconds: number,
): Promise<ResourceShare | undefined> {
    return pollWithBackoff(async () => {
        const share = await findSharedShare(client, resourceShareArn);
        return share?.status === ResourceShareStatus.ACTIVE ? share : undefined;
    }, waitSeconds);
}

/** The resources a share shared with the account makes visible to it (every page). */
export async function findSharedResources(client: RAMClient, resourceShareArn: string): Promise<SharedResource[]> {
    const resources: Resource[] = [];
    const pages = paginateListResources(
        { client, pageSize: 500 },
        { resourceOwner: ResourceOwner.OTHER_ACCOUNTS, resourceShareArns: [resourceShareArn] },
    );
    for await (const page of pages) {
        resources.push(...(page.resources ?? []));
    }
    return resources.map(sharedResource);
}

/** What a pending invitation's share would make visible once accepted, as far as RAM shows it before. */
export async function findPendingResources(client: RAMClient, invitationArn: string): Promise<SharedResource[]> {
    const resources: Resource[] = [];
    const pages = paginateListPendingInvitationResources(
        { client, pageSize: 500 },
        { resourceShareInvitationArn: invitationArn },
    );
    for await (const page of pages) {
        resources.push(...(page.resources ?? []));
    }
    return resources.map(sharedResource);
}

/** Everything shared with the account in the client's region: every share and every resource, two listings. */
export async function findEverythingShared(client: RAMClient): Promise<SharedWithAccount> {
    const shares = new Map<string, ResourceShare>();
    for await (const page of paginateGetResourceShares(
        { client, pageSize: 500 },
        { resourceOwner: ResourceOwner.OTHER_ACCOUNTS },
    )) {
        page.resourceShares?.forEach((share) => shares.set(share.resourceShareArn ?? "", share));
    }
    const resourcesByShare = new Map<string, SharedResource[]>();
    for await (const page of paginateListResources(
        { client, pageSize: 500 },
        { resourceOwner: ResourceOwner.OTHER_ACCOUNTS },
    )) {
        for (const resource of page.resources ?? []) {
            const shareArn = resource.resourceShareArn ?? "";
            resourcesByShare.set(shareArn, [...(resourcesByShare.get(shareArn) ?? []), sharedResource(resource)]);
        }
    }
    return { shares, resourcesByShare };
}

function sharedResource(resource: Resource): SharedResource {
    return { arn: resource.arn ?? "", type: resource.type ?? "" };
}

/**
 * The finders for what a receiving account sees of shares: everything shared with it in a region
 * (GetResourceShares with `resourceOwner: OTHER-ACCOUNTS`, which lists a share only once the
 * account's association with it is ASSOCIATED, and ListResources), and what a share would make
 * visible before its invitation is accepted (ListPendingInvitationResources). Waiting for an
 * association is association-watcher.ts's.
 */
import {
    paginateGetResourceShares,
    paginateListPendingInvitationResources,
    paginateListResources,
    RAMClient,
    Resource,
    ResourceOwner,
    ResourceShare,
} from "@aws-sdk/client-ram";
import type { SharedResource } from "../generated/types";

/** One resource a share makes visible: its ARN and RAM's type for it (e.g. `ec2:Subnet`). */
export type { SharedResource };

/** What every acceptance of a region reads at refresh: the shares shared with the account, and their resources. */
export interface SharedWithAccount {
    shares: Map<string, ResourceShare>;
    resourcesByShare: Map<string, SharedResource[]>;
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

/** A resource as ListResources describes it, in the two fields an acceptance records. */
export function sharedResource(resource: Resource): SharedResource {
    return { arn: resource.arn ?? "", type: resource.type ?? "" };
}

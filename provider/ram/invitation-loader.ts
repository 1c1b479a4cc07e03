import {
    GetResourceShareInvitationsRequest,
    paginateGetResourceShareInvitations,
    RAMClient,
    ResourceShareInvitation,
} from "@aws-sdk/client-ram";
import { DEFAULT_BATCHING } from "../defaults";
import { problemOf } from "./errors";

/** How lookups are grouped into GetResourceShareInvitations calls (see DEFAULT_BATCHING). */
export interface BatchingOptions {
    /** The most invitation ARNs one call carries. */
    maxArnsPerCall: number;
    /** How long the first lookup of a batch waits for others to join it, in milliseconds. */
    windowMs: number;
    /** Page size when listing everything an account sees in a region (RAM allows 1 to 500). */
    listingPageSize: number;
}

interface Waiter {
    resolve(invitation: ResourceShareInvitation | undefined): void;
    reject(error: unknown): void;
}

interface Batch {
    readonly waiters: Map<string, Waiter[]>;
    timer?: NodeJS.Timeout;
}

/** Everything one account sees in one region, read once. */
export interface RegionListing {
    byArn: Map<string, ResourceShareInvitation>;
    byShareArn: Map<string, ResourceShareInvitation[]>;
}

/**
 * The one place invitations are read from RAM, for every method of one provider process (the
 * engine starts one per operation and sends it every resource of the program).
 *
 * - {@link listing}: everything the account sees in a region, read once per process and then
 *   served from memory (RAM pages up to 500 invitations). `check` uses it because the engine
 *   runs check for one resource at a time, so its lookups could never be coalesced; `read` uses
 *   it because a refresh reads every resource of the stack at once.
 * - {@link load}: a fresh look at one invitation, for adoption in `create` (whose status just
 *   changed) and to confirm a miss. Concurrent loads in a region are coalesced into
 *   GetResourceShareInvitations calls of up to 100 ARNs each, paged through with nextToken.
 * - {@link loadForShare}: a fresh look at the invitations of one share.
 */
export class InvitationLoader {
    private readonly batches: Map<string, Batch>;
    private readonly listings: Map<string, Promise<RegionListing>>;
    /** What this process learnt of single invitations after (or without) a listing, by region and ARN. */
    private readonly learnt: Map<string, Map<string, ResourceShareInvitation>>;

    // No field initializers: Pulumi's closure serializer rebuilds a class from its constructor's text.
    constructor(
        private readonly clientFor: (region: string) => RAMClient,
        private readonly options: BatchingOptions = DEFAULT_BATCHING,
    ) {
        this.batches = new Map();
        this.listings = new Map();
        this.learnt = new Map();
    }

    /** The invitation as RAM shows it to the calling account now; undefined when RAM does not return it. */
    load(region: string, invitationArn: string): Promise<ResourceShareInvitation | undefined> {
        return new Promise((resolve, reject) => {
            let batch = this.batches.get(region);
            if (!batch) {
                batch = { waiters: new Map() };
                this.batches.set(region, batch);
                const started = batch;
                started.timer = setTimeout(() => this.flush(region, started), this.options.windowMs);
            }
            const waiters = batch.waiters.get(invitationArn) ?? [];
            waiters.push({ resolve, reject });
            batch.waiters.set(invitationArn, waiters);
            if (batch.waiters.size >= this.options.maxArnsPerCall) {
                clearTimeout(batch.timer);
                this.flush(region, batch);
            }
        });
    }

    /** Everything the calling account sees in `region`, listed on first use. */
    listing(region: string): Promise<RegionListing> {
        let listing = this.listings.get(region);
        if (!listing) {
            listing = this.readAll(region, { maxResults: this.options.listingPageSize }).then(indexListing);
            // A failed listing (no credentials, no network) is not remembered: the next lookup tries again.
            listing.catch(() => this.listings.delete(region));
            this.listings.set(region, listing);
        }
        return listing;
    }

    /**
     * Puts what this process learnt about an invitation (a rejection it made, a fresh load, what the
     * program has just listed) into what it knows of the region, so that later lookups in this
     * process do not see it as it was.
     */
    remember(region: string, invitation: ResourceShareInvitation): void {
        const arn = invitation.resourceShareInvitationArn;
        if (arn) {
            const learnt = this.learnt.get(region) ?? new Map<string, ResourceShareInvitation>();
            learnt.set(arn, invitation);
            this.learnt.set(region, learnt);
        }
        this.listings.get(region)?.then(
            (listing) => indexInto(listing, invitation),
            () => undefined,
        );
    }

    /**
     * The invitation as this process has already seen it (a listing it read, or what it was told
     * to remember), without asking RAM; undefined when it has not seen it or the listing failed.
     */
    async alreadySeen(region: string, invitationArn: string): Promise<ResourceShareInvitation | undefined> {
        const learnt = this.learnt.get(region)?.get(invitationArn);
        if (learnt) {
            return learnt;
        }
        const listing = await this.listings.get(region)?.catch(() => undefined);
        return listing?.byArn.get(invitationArn);
    }

    /** The invitations of one share, as RAM shows them to the calling account now. */
    async loadForShare(region: string, resourceShareArn: string): Promise<ResourceShareInvitation[]> {
        try {
            return await this.readAll(region, { resourceShareArns: [resourceShareArn] });
        } catch (error) {
            if (problemOf(error) === "unknown-resource") {
                return [];
            }
            throw error;
        }
    }

    private flush(region: string, batch: Batch): void {
        if (this.batches.get(region) === batch) {
            this.batches.delete(region);
        }
        const arns = [...batch.waiters.keys()];
        this.readByArns(region, arns).then(
            (found) => {
                for (const [arn, waiters] of batch.waiters) {
                    waiters.forEach((w) => w.resolve(found.get(arn)));
                }
            },
            (error) => batch.waiters.forEach((waiters) => waiters.forEach((w) => w.reject(error))),
        );
    }

    // RAM answers a list with one unknown ARN by failing the whole call, so such a batch is
    // split in halves until the unknown ARNs stand alone; the known ones are still answered.
    private async readByArns(region: string, arns: string[]): Promise<Map<string, ResourceShareInvitation>> {
        try {
            return indexListing(await this.readAll(region, { resourceShareInvitationArns: arns })).byArn;
        } catch (error) {
            if (problemOf(error) !== "arn-not-found") {
                throw error;
            }
            if (arns.length === 1) {
                return new Map();
            }
            const half = Math.ceil(arns.length / 2);
            const parts = await Promise.all([
                this.readByArns(region, arns.slice(0, half)),
                this.readByArns(region, arns.slice(half)),
            ]);
            return new Map([...parts[0], ...parts[1]]);
        }
    }

    private async readAll(
        region: string,
        request: GetResourceShareInvitationsRequest,
    ): Promise<ResourceShareInvitation[]> {
        const invitations: ResourceShareInvitation[] = [];
        // The paginator fills in nextToken on the request it is given, so it gets a copy.
        for await (const page of paginateGetResourceShareInvitations(
            { client: this.clientFor(region) },
            { ...request },
        )) {
            invitations.push(...(page.resourceShareInvitations ?? []));
        }
        return invitations;
    }
}

function indexListing(invitations: ResourceShareInvitation[]): RegionListing {
    const listing: RegionListing = { byArn: new Map(), byShareArn: new Map() };
    invitations.forEach((invitation) => indexInto(listing, invitation));
    return listing;
}

function indexInto(listing: RegionListing, invitation: ResourceShareInvitation): void {
    const arn = invitation.resourceShareInvitationArn;
    if (!arn) {
        return;
    }
    listing.byArn.set(arn, invitation);
    if (invitation.resourceShareArn) {
        const others = (listing.byShareArn.get(invitation.resourceShareArn) ?? []).filter(
            (i) => i.resourceShareInvitationArn !== arn,
        );
        listing.byShareArn.set(invitation.resourceShareArn, [...others, invitation]);
    }
}

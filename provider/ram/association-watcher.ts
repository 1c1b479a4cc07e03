/**
 * Waits for shares' associations, many at once. Every acceptance of a run waits after accepting
 * until RAM shows its share as shared with the account; the engine creates them concurrently, so one
 * process watches every share of a region in rounds: one GetResourceShares listing per round for all
 * the shares still waiting (at most 100 ARNs a call, every page), then one ListResources listing for the shares that
 * have just become ACTIVE. Rounds follow the backoff of every wait on RAM (1 s, 2 s, 4 s, ... at most
 * 10 s), restarted when a share joins, and a share that joins an idle watcher is looked at after a
 * short gathering pause, so the acceptances the engine starts together share their rounds.
 */
import {
    paginateGetResourceShares,
    paginateListResources,
    RAMClient,
    ResourceOwner,
    ResourceShare,
    ResourceShareStatus,
} from "@aws-sdk/client-ram";
import { SharedResource, sharedResource } from "./share-finders";

/** A share shared with the account, with the resources it makes visible. */
export interface AssociatedShare {
    share: ResourceShare;
    resources: SharedResource[];
}

interface Waiter {
    deadline: number;
    resolve(associated: AssociatedShare | undefined): void;
    reject(error: unknown): void;
}

/** How long an idle watcher gathers shares before its first round. */
const GATHER_MS = 20;
const FIRST_PAUSE_MS = 1000;
const LONGEST_PAUSE_MS = 10_000;
/** Share ARNs per call: small requests, each answered within one page. */
const ARNS_PER_CALL = 100;

/** One region's watcher; see the file's comment. */
export class AssociationWatcher {
    private readonly waiting: Map<string, Waiter[]>;
    private pause: number;
    private timer: NodeJS.Timeout | undefined;
    private timerAt: number;
    private polling: boolean;

    // No field initializers: Pulumi's closure serializer rebuilds a class from its constructor's text.
    constructor(private readonly client: RAMClient) {
        this.waiting = new Map();
        this.pause = FIRST_PAUSE_MS;
        this.timer = undefined;
        this.timerAt = Infinity;
        this.polling = false;
    }

    /** The share once ACTIVE and shared with the account, or undefined after `waitSeconds`. */
    waitFor(resourceShareArn: string, waitSeconds: number): Promise<AssociatedShare | undefined> {
        return new Promise((resolve, reject) => {
            const waiters = this.waiting.get(resourceShareArn) ?? [];
            waiters.push({ deadline: Date.now() + waitSeconds * 1000, resolve, reject });
            this.waiting.set(resourceShareArn, waiters);
            this.pause = FIRST_PAUSE_MS;
            const idle = !this.polling && this.timer === undefined;
            this.schedule(Date.now() + (idle ? GATHER_MS : FIRST_PAUSE_MS));
        });
    }

    private schedule(at: number): void {
        if (this.polling || at >= this.timerAt) {
            return; // a round is under way (it schedules the next) or comes sooner anyway
        }
        clearTimeout(this.timer);
        this.timerAt = at;
        this.timer = setTimeout(() => void this.round(), Math.max(0, at - Date.now()));
    }

    private async round(): Promise<void> {
        this.timer = undefined;
        this.timerAt = Infinity;
        this.polling = true;
        try {
            const associated = await this.associatedNow([...this.waiting.keys()]);
            for (const [arn, found] of associated) {
                this.waiting.get(arn)?.forEach((waiter) => waiter.resolve(found));
                this.waiting.delete(arn);
            }
        } catch (error) {
            this.waiting.forEach((waiters) => waiters.forEach((waiter) => waiter.reject(error)));
            this.waiting.clear();
        } finally {
            this.polling = false;
        }
        this.resolveLate();
        if (this.waiting.size > 0) {
            const soonestDeadline = Math.min(...[...this.waiting.values()].flat().map((w) => w.deadline));
            this.schedule(Math.min(Date.now() + this.pause, soonestDeadline));
            this.pause = Math.min(this.pause * 2, LONGEST_PAUSE_MS);
        }
    }

    /** Waiters whose time is up get undefined. */
    private resolveLate(): void {
        const now = Date.now();
        for (const [arn, waiters] of this.waiting) {
            const [late, onTime] = [waiters.filter((w) => w.deadline <= now), waiters.filter((w) => w.deadline > now)];
            late.forEach((waiter) => waiter.resolve(undefined));
            if (onTime.length === 0) {
                this.waiting.delete(arn);
            } else {
                this.waiting.set(arn, onTime);
            }
        }
    }

    /** Which of `arns` are ACTIVE and shared with the account now, with their resources. */
    private async associatedNow(arns: string[]): Promise<Map<string, AssociatedShare>> {
        const active = new Map<string, ResourceShare>();
        for (let i = 0; i < arns.length; i += ARNS_PER_CALL) {
            // Every page: RAM may split even a short list of ARNs (a page of its own choosing).
            const pages = paginateGetResourceShares(
                { client: this.client, pageSize: ARNS_PER_CALL },
                { resourceOwner: ResourceOwner.OTHER_ACCOUNTS, resourceShareArns: arns.slice(i, i + ARNS_PER_CALL) },
            );
            for await (const page of pages) {
                page.resourceShares
                    ?.filter((share) => share.status === ResourceShareStatus.ACTIVE && share.resourceShareArn)
                    .forEach((share) => active.set(share.resourceShareArn as string, share));
            }
        }
        const resources = await this.resourcesOf([...active.keys()]);
        return new Map(
            [...active].map(([arn, share]) => [arn, { share, resources: resources.get(arn) ?? [] }] as const),
        );
    }

    private async resourcesOf(arns: string[]): Promise<Map<string, SharedResource[]>> {
        const byShare = new Map<string, SharedResource[]>();
        for (let i = 0; i < arns.length; i += ARNS_PER_CALL) {
            const pages = paginateListResources(
                { client: this.client, pageSize: 500 },
                { resourceOwner: ResourceOwner.OTHER_ACCOUNTS, resourceShareArns: arns.slice(i, i + ARNS_PER_CALL) },
            );
            for await (const page of pages) {
                for (const resource of page.resources ?? []) {
                    const shareArn = resource.resourceShareArn ?? "";
                    byShare.set(shareArn, [...(byShare.get(shareArn) ?? []), sharedResource(resource)]);
                }
            }
        }
        return byShare;
    }
}

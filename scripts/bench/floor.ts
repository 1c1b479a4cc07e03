/**
 * The floor row: the RAM calls an `up` of N rejections makes, sent straight through
 * `@aws-sdk/client-ram` with no Pulumi at all. One GetResourceShareInvitations page per 100
 * invitations, then the N RejectResourceShareInvitation calls, as many at a time as the engine
 * runs steps by default. Its time is what the calls themselves cost at the bench's latency: the
 * least any tool could take for the same work, against which the size rows' times read.
 */
import { availableParallelism } from "node:os";
import {
    GetResourceShareInvitationsCommand,
    RAMClient,
    RejectResourceShareInvitationCommand,
} from "@aws-sdk/client-ram";
import { clientEnvironment, RunningEmulator, sampleAccounts } from "../../emulator";
import { silenceNodeVersionNotice } from "../../provider/ram/sdk-notices";
import { countCalls, PhaseCalls, seedPendingInvitations, timed } from "./measure";

/** The page size of the floor's listing: the read target of the size rows, ceil(N/100) listings. */
const PAGE_SIZE = 100;

/** One floor run: its wall time (listing and rejections) and the RAM calls it made. */
export interface FloorMeasure {
    seconds: number;
    calls: PhaseCalls;
}

/**
 * How many steps `pulumi up` runs at once when not told: the engine's defaultParallel() in
 * pkg/cmd/pulumi/operations/up.go (pulumi/pulumi v3.248.0, the CLI of .tools/pulumi) takes
 * PULUMI_PARALLEL when it is above 0, else runtime.GOMAXPROCS(0) * 4. GOMAXPROCS defaults to the
 * CPUs the process may run on, which os.availableParallelism() counts: 8 on two cores. The engine
 * inherits this process's PULUMI_PARALLEL (the harness does not set it), so the floor reads it too.
 */
export function enginesDefaultParallel(): number {
    const fromEnv = Number(process.env.PULUMI_PARALLEL);
    return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : availableParallelism() * 4;
}

/**
 * Seeds N fresh invitations (with the bench's latency on every RAM call, as for the other rows),
 * lists them and rejects them, `parallel` at a time; checks that it made ceil(N/100) listings and
 * exactly N rejections, and that all N are rejected.
 */
export async function measureFloor(
    emulator: RunningEmulator,
    options: { n: number; region: string; latencyMs: number; parallel: number },
): Promise<FloorMeasure> {
    const { n, region, latencyMs, parallel } = options;
    await seedPendingInvitations(emulator, { n, region, latencyMs });
    const client = receiverClient(emulator.endpoint, region);
    try {
        const [, seconds] = await timed(async () => {
            const pending = await listPending(client);
            await inPool(pending, parallel, (resourceShareInvitationArn) =>
                client.send(new RejectResourceShareInvitationCommand({ resourceShareInvitationArn })),
            );
        });
        const calls = countCalls(await emulator.admin.calls());
        const rejected = (await emulator.admin.state()).invitations.filter((i) => i.status === "REJECTED").length;
        const listings = Math.ceil(n / PAGE_SIZE);
        if (calls.reads !== listings || calls.writes !== n || rejected !== n) {
            throw new Error(
                `floor N=${n}: ${calls.reads} listings and ${calls.writes} rejections (expected ${listings} and ` +
                    `${n}), ${rejected} invitations rejected`,
            );
        }
        return { seconds, calls };
    } finally {
        client.destroy();
    }
}

/** A client of the emulator as the sample receiver, configured by the same variables a Pulumi run gets. */
function receiverClient(endpoint: string, region: string): RAMClient {
    const env = clientEnvironment(endpoint, sampleAccounts.receiver);
    silenceNodeVersionNotice();
    return new RAMClient({
        region,
        endpoint: env.AWS_ENDPOINT_URL_RAM,
        credentials: { accessKeyId: env.AWS_ACCESS_KEY_ID, secretAccessKey: env.AWS_SECRET_ACCESS_KEY },
    });
}

/** The ARNs of the receiver's pending invitations, page after page (each page needs the last one's token). */
async function listPending(client: RAMClient): Promise<string[]> {
    const arns: string[] = [];
    let nextToken: string | undefined;
    do {
        const page = await client.send(new GetResourceShareInvitationsCommand({ maxResults: PAGE_SIZE, nextToken }));
        for (const invitation of page.resourceShareInvitations ?? []) {
            if (invitation.status === "PENDING" && invitation.resourceShareInvitationArn) {
                arns.push(invitation.resourceShareInvitationArn);
            }
        }
        nextToken = page.nextToken;
    } while (nextToken);
    return arns;
}

/** Runs `work` on every item, at most `size` at a time, each worker taking the next item when it is free. */
async function inPool<T>(items: T[], size: number, work: (item: T) => Promise<unknown>): Promise<void> {
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            await work(items[next++]);
        }
    };
    await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker));
}

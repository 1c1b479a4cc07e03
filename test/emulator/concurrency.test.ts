/**
 * 1,000 concurrent SDK calls from several accounts with faults on (throttling, 5xx, answers
 * lost after commit), the SDK retrying, then the final state checked against a model: every
 * invitation was answered exactly once, by the call whose answer the caller got, and nothing
 * acted on another account's invitation.
 */
import {
    AcceptResourceShareInvitationCommand,
    CreateResourceShareCommand,
    GetResourceShareInvitationsCommand,
    RAMClient,
    RejectResourceShareInvitationCommand,
    ResourceShareInvitation,
} from "@aws-sdk/client-ram";
import { expect } from "chai";
import { RunningEmulator, SeedAccount, startEmulator } from "../../emulator";
import { ramClient, REGION, SENDER } from "./helpers";

const RECEIVERS: SeedAccount[] = [1, 2, 3, 4].map((n) => ({
    accountId: `40000000000${n}`,
    accessKeyId: `AKIDRECEIVER${n}000000`,
    secretAccessKey: `receiver-${n}-secret`,
}));
/** Each share invites every receiver: 25 shares make 100 invitations. */
const SHARES = 25;
/** CreateResourceShare calls go two per client token. */
const CREATE_TOKENS = 50;
const CLIENTS_PER_ACCOUNT = 8;

type CallKind = "reject" | "accept" | "foreign-reject" | "get" | "list" | "create";

/** What one SDK call did, as its caller saw it. */
interface Outcome {
    kind: CallKind;
    invitationArn?: string;
    clientToken?: string;
    /** The invitation as the answer showed it. */
    reply?: ResourceShareInvitation;
    /** The share a CreateResourceShare answer named. */
    shareArn?: string;
    error?: string;
    /** The error's message, to tell what went wrong when the model is violated. */
    message?: string;
}

/** The only errors a caller may end up with; anything transient must have been retried away. */
const ALLOWED_ERRORS: Record<CallKind, string[]> = {
    reject: ["ResourceShareInvitationAlreadyAcceptedException"],
    accept: ["ResourceShareInvitationAlreadyRejectedException"],
    "foreign-reject": ["ResourceShareInvitationArnNotFoundException"],
    get: [],
    list: [],
    create: [],
};

async function observe(outcome: Outcome, send: () => Promise<Partial<Outcome>>): Promise<Outcome> {
    try {
        return { ...outcome, ...(await send()) };
    } catch (err) {
        return { ...outcome, error: (err as Error).name, message: (err as Error).message };
    }
}

function times<T>(n: number, make: () => T): T[] {
    return Array.from({ length: n }, make);
}

describe("emulator: 1,000 concurrent calls with faults, checked against a model", function () {
    this.timeout(60_000);
    let emulator: RunningEmulator;

    before(async () => {
        emulator = await startEmulator({ randomSeed: 20240611 });
    });

    after(() => emulator.stop());

    it("answers every invitation exactly once and loses no update", async () => {
        const seeded = await emulator.admin.seed({
            accounts: [SENDER, ...RECEIVERS],
            resourceShares: times(SHARES, () => ({
                name: "share",
                ownerAccountId: SENDER.accountId,
                region: REGION,
                principals: RECEIVERS.map((r) => r.accountId),
            })),
        });
        await emulator.admin.setFaults("RejectResourceShareInvitation", {
            dropAfterCommitRate: 0.15,
            serverErrorRate: 0.05,
            serverErrorStatus: 503,
        });
        // A rate limit throttles only as fast as this machine sends; the first 20 are throttled anyway.
        await emulator.admin.setFaults("AcceptResourceShareInvitation", {
            dropAfterCommitRate: 0.1,
            maxRequestsPerSecond: 100,
            throttleNext: 20,
        });
        await emulator.admin.setFaults("GetResourceShareInvitations", { latencyMs: 2, serverErrorRate: 0.05 });
        await emulator.admin.setFaults("CreateResourceShare", { dropAfterCommitRate: 0.2 });

        // The SDK budgets retries per client (a bucket of retry tokens). Several clients per
        // account, as a fleet of callers would have, keep one fault storm from draining one bucket.
        const pools = new Map<string, RAMClient[]>(
            [SENDER, ...RECEIVERS].map((account) => [
                account.accountId,
                times(CLIENTS_PER_ACCOUNT, () => ramClient(emulator.endpoint, account, { maxAttempts: 10 })),
            ]),
        );
        let turn = 0;
        const clientOf = (accountId: string) => {
            const pool = pools.get(accountId)!;
            return pool[turn++ % pool.length];
        };

        const reject = (client: RAMClient, arn: string, clientToken: string) => async () => ({
            reply: (
                await client.send(
                    new RejectResourceShareInvitationCommand({ resourceShareInvitationArn: arn, clientToken }),
                )
            ).resourceShareInvitation,
        });
        const accept = (client: RAMClient, arn: string, clientToken: string) => async () => ({
            reply: (
                await client.send(
                    new AcceptResourceShareInvitationCommand({ resourceShareInvitationArn: arn, clientToken }),
                )
            ).resourceShareInvitation,
        });
        const get = (client: RAMClient, arn: string) => async () => ({
            reply: (await client.send(new GetResourceShareInvitationsCommand({ resourceShareInvitationArns: [arn] })))
                .resourceShareInvitations?.[0],
        });
        const list = (client: RAMClient) => async () => {
            await client.send(new GetResourceShareInvitationsCommand({ maxResults: 10 }));
            return {};
        };
        const create = (clientToken: string) => async () => ({
            shareArn: (
                await clientOf(SENDER.accountId).send(
                    new CreateResourceShareCommand({
                        name: `stress-${clientToken}`,
                        principals: [RECEIVERS[0].accountId],
                        clientToken,
                    }),
                )
            ).resourceShare?.resourceShareArn,
        });

        const invitations = seeded.resourceShares.flatMap((share) =>
            Object.entries(share.invitationArns).map(([receiverAccountId, arn]) => ({ arn, receiverAccountId })),
        );
        expect(invitations).to.have.length(100);

        // Per invitation: three rejects and two accepts by its receiver (one token each kind),
        // a reject by another receiver, two reads and a listing, and a CreateResourceShare.
        const calls = invitations.flatMap(({ arn, receiverAccountId }, i): (() => Promise<Outcome>)[] => {
            const receiver = () => clientOf(receiverAccountId);
            const stranger = RECEIVERS.find((r) => r.accountId !== receiverAccountId)!.accountId;
            const id = arn.slice(arn.lastIndexOf("/") + 1);
            const createToken = `create-${i % CREATE_TOKENS}`;
            return [
                ...times(
                    3,
                    () => () =>
                        observe({ kind: "reject", invitationArn: arn }, reject(receiver(), arn, `reject-${id}`)),
                ),
                ...times(
                    2,
                    () => () =>
                        observe({ kind: "accept", invitationArn: arn }, accept(receiver(), arn, `accept-${id}`)),
                ),
                () =>
                    observe(
                        { kind: "foreign-reject", invitationArn: arn },
                        reject(clientOf(stranger), arn, `foreign-${id}`),
                    ),
                ...times(2, () => () => observe({ kind: "get", invitationArn: arn }, get(receiver(), arn))),
                () => observe({ kind: "list" }, list(receiver())),
                () => observe({ kind: "create", clientToken: createToken }, create(createToken)),
            ];
        });
        expect(calls).to.have.length(1000);

        // Shuffle deterministically (7919 is prime to 1000) so the calls of one invitation interleave.
        const shuffled = calls.map((_, i) => calls[(i * 7919) % calls.length]);
        const outcomes = await Promise.all(shuffled.map((call) => call()));

        const state = await emulator.admin.state();
        const log = await emulator.admin.calls();
        const statusOf = new Map(state.invitations.map((i) => [i.resourceShareInvitationArn, i.status]));

        // The faults really happened, and the SDK retried through them.
        expect(log.length).to.be.greaterThan(1000);
        expect(log.filter((c) => c.connectionDropped).length, "dropped connections").to.be.greaterThan(10);
        for (const fault of ["ServiceUnavailableException", "ServerInternalException", "ThrottlingException"]) {
            expect(log.filter((c) => c.outcome === fault).length, fault).to.be.greaterThan(0);
        }

        for (const outcome of outcomes.filter((o) => o.error)) {
            expect(ALLOWED_ERRORS[outcome.kind], `${outcome.kind}: ${outcome.error} (${outcome.message})`).to.include(
                outcome.error,
            );
        }

        for (const { arn, receiverAccountId } of invitations) {
            // Exactly one call changed the invitation, made by its receiver...
            const changes = log.filter(
                (c) =>
                    c.stateChanged &&
                    (c.parameters as { resourceShareInvitationArn?: string }).resourceShareInvitationArn === arn,
            );
            expect(changes, `state changes of ${arn}`).to.have.length(1);
            expect(changes[0].accountId).to.equal(receiverAccountId);
            const expected = changes[0].operation === "RejectResourceShareInvitation" ? "REJECTED" : "ACCEPTED";
            expect(statusOf.get(arn)).to.equal(expected);

            // ...and no update was lost: whoever was told "done" is the one whose change stuck.
            const mine = outcomes.filter((o) => o.invitationArn === arn);
            const answered = mine.filter((o) => (o.kind === "reject" || o.kind === "accept") && !o.error);
            expect(answered.length, `successful answers for ${arn}`).to.be.greaterThan(0);
            expect(new Set(answered.map((o) => o.kind)).size, `kinds of successful answers for ${arn}`).to.equal(1);
            for (const o of answered) {
                expect(o.reply?.status).to.equal(expected);
            }
            expect(mine.filter((o) => o.kind === "foreign-reject").every((o) => o.error)).to.equal(true);
        }
        const invitationChanges = log.filter((c) => c.stateChanged && c.operation !== "CreateResourceShare");
        expect(invitationChanges).to.have.length(invitations.length);

        // Idempotent creates: one share per token, every answer for a token naming that share.
        const arnsByToken = new Map<string, Set<string>>();
        for (const o of outcomes.filter((o) => o.kind === "create")) {
            arnsByToken.set(o.clientToken!, (arnsByToken.get(o.clientToken!) ?? new Set()).add(o.shareArn!));
        }
        expect([...arnsByToken.values()].map((arns) => arns.size)).to.deep.equal(times(CREATE_TOKENS, () => 1));
        expect(state.resourceShares.filter((s) => s.name.startsWith("stress-"))).to.have.length(CREATE_TOKENS);
        expect(log.filter((c) => c.operation === "CreateResourceShare" && c.stateChanged)).to.have.length(
            CREATE_TOKENS,
        );
    });
});

/**
 * What the suites of RAM operations share: a client per account and the ARNs of BASIC_SEED, seeded
 * before each test, the calls they make, and the table of refusals each suite runs.
 */
import {
    AcceptResourceShareInvitationCommand,
    CreateResourceShareCommand,
    CreateResourceShareRequest,
    GetResourceShareInvitationsCommand,
    GetResourceShareInvitationsRequest,
    RAMClient,
    RejectResourceShareInvitationCommand,
} from "@aws-sdk/client-ram";
import { expect } from "chai";
import { RunningEmulator, SeededState } from "../../../emulator";
import { BASIC_SEED, BYSTANDER, ErrorClass, expectRamError, ramClient, RECEIVER, SENDER } from "../helpers";
import { emulatorPerSuite } from "../../support/emulator-suite";

/** What the tests act on: a client per account and the ARNs of {@link BASIC_SEED}, seeded before each test. */
export interface World {
    emulator: RunningEmulator;
    seeded: SeededState;
    sender: RAMClient;
    receiver: RAMClient;
    bystander: RAMClient;
    /** The sender's share with the receiver, and the receiver's invitation to it. */
    shareArn: string;
    invitationArn: string;
    /** The bystander's invitation to the sender's other share. */
    bystanderInvitationArn: string;
}

export const w = {} as World;

export const reject = (client: RAMClient, arn: string, clientToken?: string) =>
    client.send(new RejectResourceShareInvitationCommand({ resourceShareInvitationArn: arn, clientToken }));
export const accept = (client: RAMClient, arn: string) =>
    client.send(new AcceptResourceShareInvitationCommand({ resourceShareInvitationArn: arn }));
export const getInvitations = (client: RAMClient, input: GetResourceShareInvitationsRequest) =>
    client.send(new GetResourceShareInvitationsCommand(input));
export const create = (client: RAMClient, input: Partial<CreateResourceShareRequest>) =>
    client.send(new CreateResourceShareCommand(input as CreateResourceShareRequest));
export const statusInState = async (arn: string) =>
    (await w.emulator.admin.state()).invitations.find((i) => i.resourceShareInvitationArn === arn)?.status;
/** The same ARN with another id: well-formed, but nothing has it. */
export const unknownId = (arn: string) => arn.replace(/[0-9a-f]{8}-/, "00000000-");

/** A call an operation must refuse, with the typed error (HTTP 400) the SDK must surface. */
export interface Refusal {
    /** Short; the detail goes in a comment above the case. */
    title: string;
    /** Puts in place the state the call meets. */
    arrange?: () => Promise<unknown>;
    call: () => Promise<unknown>;
    error: ErrorClass & { name: string };
    /** Checks particular to the case, after the refusal. */
    afterwards?: () => Promise<void>;
}

/**
 * One test per case: the call is refused with its error, and changes nothing: the shares,
 * invitations and client tokens are as they were, and no call logged a change of state.
 */
export function itRefuses(cases: Refusal[]): void {
    for (const c of cases) {
        it(`${c.title}: ${c.error.name}`, async () => {
            await c.arrange?.();
            await w.emulator.admin.clearCalls();
            const held = async () => {
                const { resourceShares, invitations, clientTokenCount } = await w.emulator.admin.state();
                return { resourceShares, invitations, clientTokenCount };
            };
            const before = await held();
            await expectRamError(c.call(), c.error, 400);
            expect(await held()).to.deep.equal(before);
            const calls = await w.emulator.admin.calls();
            expect(calls).to.not.deep.equal([]);
            expect(calls.every((call) => !call.stateChanged)).to.equal(true);
            await c.afterwards?.();
        });
    }
}

/** The receiver's invitation and the bystander's are both still PENDING. */
export async function bothStillPending(): Promise<void> {
    expect(await statusInState(w.bystanderInvitationArn)).to.equal("PENDING");
    expect(await statusInState(w.invitationArn)).to.equal("PENDING");
}

/** Starts an emulator for the suite and seeds {@link BASIC_SEED} afresh before each test. */
export function useBasicSeed(): void {
    const suite = emulatorPerSuite();
    before(() => {
        w.emulator = suite.emulator;
        w.sender = ramClient(w.emulator.endpoint, SENDER);
        w.receiver = ramClient(w.emulator.endpoint, RECEIVER);
        w.bystander = ramClient(w.emulator.endpoint, BYSTANDER);
    });

    beforeEach(async () => {
        w.seeded = await w.emulator.admin.seed(BASIC_SEED);
        w.shareArn = w.seeded.resourceShares[0].resourceShareArn;
        w.invitationArn = w.seeded.resourceShares[0].invitationArns[RECEIVER.accountId];
        w.bystanderInvitationArn = w.seeded.resourceShares[1].invitationArns[BYSTANDER.accountId];
    });
}

/**
 * Reading rejections back from a stack and from the emulator's call log, and the idempotency
 * contract as one assertion, for the end-to-end tests.
 */
import { expect } from "chai";
import { CallLogEntry, RAM_WRITE_OPERATIONS, RunningEmulator } from "../../emulator";
import { INVITATION_REJECTION_TYPE_TOKEN } from "../../provider";
import type { PulumiHarness } from "../../scripts/pulumi-harness";

/** A resource as `pulumi stack export` shows it. */
export interface StateResource {
    urn: string;
    type: string;
    id?: string;
    inputs?: Record<string, unknown>;
    outputs?: Record<string, unknown>;
    /** Where the program registered the resource, as Pulumi records it. */
    sourcePosition?: string;
    stackTrace?: { sourcePosition?: string }[];
}

export function regionOf(arn: string): string {
    return arn.split(":")[3];
}

/** The invitation a call answered, or for a leave (DisassociateResourceShare) the share it left. */
export function arnOf(call: CallLogEntry): string {
    const parameters = call.parameters as { resourceShareInvitationArn?: string; resourceShareArn?: string };
    return (parameters.resourceShareInvitationArn ?? parameters.resourceShareArn) as string;
}

export function tokenOf(call: CallLogEntry): string | undefined {
    return (call.parameters as { clientToken?: string }).clientToken;
}

export async function writeCalls(emulator: RunningEmulator): Promise<CallLogEntry[]> {
    return (await emulator.admin.calls()).filter((c) => RAM_WRITE_OPERATIONS.includes(c.operation));
}

export async function rejectionsInState(harness: PulumiHarness): Promise<StateResource[]> {
    const { deployment } = await harness.stack.exportStack();
    return ((deployment.resources ?? []) as StateResource[]).filter((r) => r.type === INVITATION_REJECTION_TYPE_TOKEN);
}

/**
 * The idempotency contract after any sequence of crashes and retries: every invitation changed
 * state exactly once, no retry was refused (neither as a parameter mismatch nor as "already
 * rejected": each was an answer from RAM's token ledger), and the token in state is the only token
 * RAM saw for that invitation.
 */
export function expectRejectedExactlyOnce(rejects: CallLogEntry[], arns: string[], state: StateResource[]): void {
    expectAnsweredExactlyOnce(rejects, arns, state, { status: "REJECTED" });
}

/**
 * The same contract for the calls of any answer (rejections or acceptances): each invitation of
 * `arns` changed once by `calls`, every call answered `ok` (the first, or a replay of it), one token
 * per invitation, the one in state; in state, `status` and each of `facts` in every resource's outputs.
 */
export function expectAnsweredExactlyOnce(
    calls: CallLogEntry[],
    arns: string[],
    state: StateResource[],
    expected: { status: string; facts?: string[] },
): void {
    expect(calls.map((c) => c.outcome)).not.to.include("IdempotentParameterMismatchException");
    for (const call of calls) {
        expect(call.outcome, `call #${call.sequence} for ${arnOf(call)}`).to.equal("ok");
        expect(
            call.stateChanged || call.idempotentReplay,
            `call #${call.sequence} changed state or was replayed`,
        ).to.equal(true);
    }
    expect(state.map((r) => r.id).sort(), "the resources in state").to.deep.equal([...arns].sort());
    for (const arn of arns) {
        const forArn = calls.filter((c) => arnOf(c) === arn);
        expect(
            forArn.filter((c) => c.stateChanged),
            `state changes for ${arn}`,
        ).to.have.length(1);
        const resource = state.find((r) => r.id === arn)!;
        const outputs = resource.outputs ?? {};
        expect(outputs.status, `status of ${arn}`).to.equal(expected.status);
        for (const fact of expected.facts ?? []) {
            expect(outputs[fact], `${fact} of ${arn} in state`).not.to.equal(undefined);
        }
        const tokenInState = outputs.clientToken;
        expect(resource.inputs?.clientToken).to.equal(tokenInState);
        expect([...new Set(forArn.map(tokenOf))], `tokens RAM saw for ${arn}`).to.deep.equal([tokenInState]);
    }
}

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

export function arnOf(call: CallLogEntry): string {
    return (call.parameters as { resourceShareInvitationArn: string }).resourceShareInvitationArn;
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
    expect(rejects.map((c) => c.outcome)).not.to.include("IdempotentParameterMismatchException");
    for (const call of rejects) {
        expect(call.outcome, `call #${call.sequence} for ${arnOf(call)}`).to.equal("ok");
        expect(
            call.stateChanged || call.idempotentReplay,
            `call #${call.sequence} changed state or was replayed`,
        ).to.equal(true);
    }
    expect(state.map((r) => r.id).sort()).to.deep.equal([...arns].sort());
    for (const arn of arns) {
        const calls = rejects.filter((c) => arnOf(c) === arn);
        expect(
            calls.filter((c) => c.stateChanged),
            `state changes for ${arn}`,
        ).to.have.length(1);
        const resource = state.find((r) => r.id === arn)!;
        expect(resource.outputs?.status).to.equal("REJECTED");
        const tokenInState = resource.outputs?.clientToken;
        expect(resource.inputs?.clientToken).to.equal(tokenInState);
        expect([...new Set(calls.map(tokenOf))], `tokens RAM saw for ${arn}`).to.deep.equal([tokenInState]);
    }
}

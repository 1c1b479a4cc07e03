/**
 * What the InvitationRejection end-to-end files share (rejections.test.ts, rejection-crashes.test.ts,
 * rejection-refactoring.test.ts): one emulator per file, reset before each test, stacks of the root
 * program or of the refactoring fixture, and the reads of the emulator their assertions make.
 */
import { expect } from "chai";
import * as path from "node:path";
import { RAMClient } from "@aws-sdk/client-ram";
import { OpMap } from "@pulumi/pulumi/automation";
import { CallLogEntry, clientEnvironment, RamOperationName, RunningEmulator, SeedAccount } from "../../emulator";
import { PulumiHarness } from "../../scripts/pulumi-harness";
import { RequestCounter } from "../e2e/request-counter";
import { RECEIVER } from "./accounts";
import { endToEndSuite, RootStackOptions } from "./end-to-end-suite";
import { ramClientAs } from "./ram-client";
import { regionOf, writeCalls as writeCallsOf } from "./rejections-in-state";
import { seedInvitations as seedSupport } from "./seeding";

/** One rejection that is renamed, re-parented or given a newer provider, by the config value `variant`. */
const REFACTORING_PROGRAM = path.join(__dirname, "..", "e2e", "fixtures", "refactoring", "index.ts");

export const REJECT: RamOperationName = "RejectResourceShareInvitation";
export const REJECT_PATH = "/rejectresourceshareinvitation";
const REPLACEMENT_OPS = ["replace", "create-replacement", "delete-replaced"];

/** The resource name the root program gets for the i-th invitation (from 0). */
export function nameFor(index: number): string {
    return `decline-share-${index + 1}`;
}

/** The stack config of the root program that rejects `arns`. */
export function rejectionsConfig(arns: string[]): Record<string, { invitationArn: string }> {
    return Object.fromEntries(arns.map((invitationArn, i) => [nameFor(i), { invitationArn }]));
}

export function expectNoReplacement(changes: OpMap | undefined): void {
    for (const op of REPLACEMENT_OPS) {
        expect(changes ?? {}, `no ${op}`).not.to.have.property(op);
    }
}

export function expectOnlySame(changes: OpMap | undefined): void {
    expect(Object.keys(changes ?? {}), JSON.stringify(changes)).to.deep.equal(["same"]);
}

export interface RejectionSuite {
    readonly emulator: RunningEmulator;
    seedInvitations(count: number, receiver?: SeedAccount): Promise<string[]>;
    /** A stack of the root program that rejects `arns`. */
    rootStack(arns: string[], options?: RootStackOptions): Promise<PulumiHarness>;
    /** A stack of the refactoring fixture that rejects `arn`, starting with `variant`. */
    refactoringStack(arn: string, variant: string): Promise<PulumiHarness>;
    /** A proxy in front of the emulator that counts requests as they arrive; stopped after the test. */
    requestCounter(): Promise<RequestCounter>;
    rejectCalls(): Promise<CallLogEntry[]>;
    writeCalls(): Promise<CallLogEntry[]>;
    statusesInEmulator(): Promise<Record<string, string>>;
    ramAsReceiver(arn: string): RAMClient;
}

/** Call inside a describe: the file's emulator and stacks, disposed of after each test. */
export function rejectionSuite(): RejectionSuite {
    const suite = endToEndSuite();
    let proxies: RequestCounter[] = [];
    afterEach(async () => {
        await Promise.all(proxies.map((p) => p.stop()));
        proxies = [];
    });
    const rejections: RejectionSuite = {
        get emulator() {
            return suite.emulator;
        },
        seedInvitations: (count, receiver = RECEIVER) => seedSupport(suite.emulator, count, receiver),
        rootStack: (arns, options = {}) => suite.rootStack(rejectionsConfig(arns), options),
        refactoringStack: (arn, variant) =>
            suite.stack({
                program: REFACTORING_PROGRAM,
                project: "refactoring",
                config: { "refactoring:invitationArn": { value: arn }, "refactoring:variant": { value: variant } },
                env: clientEnvironment(suite.emulator.endpoint, RECEIVER),
            }),
        async requestCounter() {
            const proxy = await RequestCounter.start(suite.emulator.endpoint);
            proxies.push(proxy);
            return proxy;
        },
        rejectCalls: () => suite.emulator.admin.calls({ operation: REJECT }),
        writeCalls: () => writeCallsOf(suite.emulator),
        async statusesInEmulator() {
            const { invitations } = await suite.emulator.admin.state();
            return Object.fromEntries(invitations.map((i) => [i.resourceShareInvitationArn, i.status]));
        },
        ramAsReceiver: (arn) => ramClientAs(suite.emulator.endpoint, RECEIVER, regionOf(arn)),
    };
    return rejections;
}

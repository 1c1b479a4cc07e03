/**
 * Many accounts from one stack, end to end: the root program with `ram-invitations:accounts`, run
 * as a hub identity that assumes a role in each receiving account, on the real Pulumi CLI against
 * the emulator (STS AssumeRole included).
 */
import { expect } from "chai";
import { CommandError } from "@pulumi/pulumi/automation";
import { CallLogEntry, RunningEmulator, SeedAccount } from "../../emulator";
import { PulumiHarness } from "../../scripts/pulumi-harness";
import { BYSTANDER, HUB, OTHER, RECEIVER, SENDER } from "../support/accounts";
import { endToEndSuite } from "../support/end-to-end-suite";
import { expectFailure } from "../support/expect-failure";
import {
    arnOf,
    expectRejectedExactlyOnce,
    rejectionsInState,
    StateResource,
    writeCalls,
} from "../support/rejections-in-state";
import { expectNoneInStack, runPulumiWithLogs } from "../support/stack-files";
import { waitUntil } from "../support/wait-until";
import { RequestCounter } from "./request-counter";

const REGIONS = ["eu-west-1", "us-east-1"];
const EXTERNAL_ID = "fleet-external-id-7f3a";

function roleIn(account: SeedAccount, name = "ram-invitations"): string {
    return `arn:aws:iam::${account.accountId}:role/${name}`;
}

describe("one stack for many accounts, through roles, end to end", function () {
    this.timeout(15 * 60_000);
    const suite = endToEndSuite();
    let emulator: RunningEmulator;
    before(() => (emulator = suite.emulator));

    /** Three receiving accounts, each with a role the hub may assume (the third's needs an external id). */
    async function seedFleet(perAccount: number): Promise<Record<string, string[]>> {
        await emulator.admin.seed({
            accounts: [HUB, SENDER, RECEIVER, OTHER, BYSTANDER],
            roles: [
                { roleArn: roleIn(RECEIVER), trustedPrincipals: [HUB.accountId] },
                { roleArn: roleIn(RECEIVER, "renamed-role"), trustedPrincipals: [HUB.accountId] },
                { roleArn: roleIn(OTHER), trustedPrincipals: [HUB.accountId] },
                { roleArn: roleIn(BYSTANDER), trustedPrincipals: [HUB.accountId], externalId: EXTERNAL_ID },
            ],
        });
        const invitations: Record<string, string[]> = {};
        for (const receiver of [RECEIVER, OTHER, BYSTANDER]) {
            invitations[receiver.accountId] = await emulator.admin.seedPendingInvitations({
                sender: SENDER,
                receiver,
                count: perAccount,
                regions: REGIONS,
                namePrefix: `to-${receiver.accountId}`,
            });
        }
        await emulator.admin.clearCalls();
        return invitations;
    }

    /** Explicit rejections in two accounts, a policy (allowing nobody) in the third. */
    function fleetConfig(invitations: Record<string, string[]>, receiverRole = roleIn(RECEIVER)) {
        const explicit = (arns: string[]) =>
            Object.fromEntries(arns.map((invitationArn, i) => [`decline-${i + 1}`, { invitationArn }]));
        return {
            "platform-prod": { roleArn: receiverRole, rejections: explicit(invitations[RECEIVER.accountId]) },
            "data-prod": { roleArn: roleIn(OTHER), rejections: explicit(invitations[OTHER.accountId]) },
            sandbox: {
                roleArn: roleIn(BYSTANDER),
                externalId: EXTERNAL_ID,
                policy: { allowedSenderAccountIds: [HUB.accountId], regions: REGIONS },
            },
        };
    }

    // The stack runs as the hub; it reaches each account through that account's role.
    function fleetStack(accounts: Record<string, unknown>): Promise<PulumiHarness> {
        return suite.rootStack({}, { credentials: HUB, config: { accounts } });
    }

    function rejectCalls(): Promise<CallLogEntry[]> {
        return emulator.admin.calls({ operation: "RejectResourceShareInvitation" });
    }

    it("preview lists every account's rejections; up rejects each once as its account; no change after", async () => {
        const invitations = await seedFleet(2);
        const all = Object.values(invitations).flat();
        const harness = await fleetStack(fleetConfig(invitations));

        const preview = await harness.stack.preview({ diff: true });
        expect(await writeCalls(emulator)).to.deep.equal([]);
        for (const arn of all) {
            expect(preview.stdout).to.contain(arn);
        }
        expect(preview.stdout).to.contain("platform-prod-decline-1").and.to.contain("data-prod-decline-2");

        await harness.stack.up();
        const rejects = await rejectCalls();
        expectRejectedExactlyOnce(rejects, all, await rejectionsInState(harness));
        for (const call of rejects) {
            expect(all.indexOf(arnOf(call)) >= 0).to.equal(true);
            const owner = Object.entries(invitations).find(([, arns]) => arns.includes(arnOf(call)))![0];
            expect(call.accountId, arnOf(call)).to.equal(owner);
        }
        // One AssumeRole per role for the whole update's provider process, and one for the program's listing.
        const sessions = await emulator.admin.issuedCredentials();
        expect(sessions.filter((s) => s.roleArn === roleIn(RECEIVER)).length).to.be.at.most(2);

        await emulator.admin.clearCalls();
        const second = await harness.stack.up();
        expect(Object.keys(second.summary.resourceChanges ?? {})).to.deep.equal(["same"]);
        expect(await writeCalls(emulator)).to.deep.equal([]);

        // No temporary key, secret or session token anywhere; the external id only as a secret.
        const issued = (await emulator.admin.issuedCredentials()).flatMap((c) => [
            c.accessKeyId,
            c.secretAccessKey,
            c.sessionToken,
        ]);
        // Pulumi's most verbose logs of a refresh (every resource read through its role) hold none either.
        const logs = await runPulumiWithLogs(harness, [
            "refresh",
            "--yes",
            "--skip-preview",
            "-v=9",
            "--logtostderr",
            "--logflow",
            "--stack",
            harness.stack.name,
        ]);
        expect(logs.stderr, "the verbose log shows the resources it read").to.contain(all[0]);
        const issuedAfterRefresh = (await emulator.admin.issuedCredentials()).flatMap((c) => [
            c.accessKeyId,
            c.secretAccessKey,
            c.sessionToken,
        ]);
        expect(issuedAfterRefresh.length).to.be.greaterThan(issued.length);
        for (const secret of issuedAfterRefresh) {
            expect(logs.stdout + logs.stderr, "pulumi refresh -v=9").not.to.contain(secret);
        }
        const { backendFiles, cliExport } = await expectNoneInStack(harness, issuedAfterRefresh, all[0]);
        // The external id is a secret, encrypted, in every rejection's state (the stack config holds it
        // as the user set it: this test sets it in plain text; a user sets it with --secret).
        const [, checkpointText] = backendFiles.find(([file]) => file.endsWith("stacks/ram-invitations/test.json"))!;
        const checkpoint = JSON.parse(checkpointText) as { checkpoint: { latest: { resources: StateResource[] } } };
        const sandbox = checkpoint.checkpoint.latest.resources.filter((r) => r.urn.includes("sandbox-policy-"));
        expect(sandbox).to.have.length(2);
        for (const resource of sandbox) {
            for (const properties of [resource.inputs, resource.outputs]) {
                expect(JSON.stringify(properties?.externalId), resource.urn).to.contain("ciphertext");
                expect(JSON.stringify(properties), resource.urn).not.to.contain(EXTERNAL_ID);
            }
        }
        expect(cliExport).to.contain(EXTERNAL_ID); // --show-secrets shows it
    });

    // Rejection cannot be undone: no rejection of any account is declared until every account's
    // policy has listed RAM and passed its guard, so one refusal means no write anywhere, whatever
    // the timing, even where Pulumi would go on after a failed step.
    const REFUSALS: { title: string; refuse(sandbox: Record<string, unknown>): void; says: string }[] = [
        {
            title: "a guard refusal",
            refuse: (sandbox) => Object.assign(sandbox.policy as object, { maxRejectionsPerRun: 1 }),
            says: `InvitationPolicy "sandbox-policy" (through role ${roleIn(BYSTANDER)}) would reject 2`,
        },
        {
            title: "a refused AssumeRole",
            refuse: (sandbox) => (sandbox.externalId = "not-the-external-id"),
            says: `InvitationPolicy "sandbox-policy" could not list its invitations, so it rejects nothing`,
        },
    ];
    for (const { title, refuse, says } of REFUSALS) {
        it(`${title} in one account of three: no write in any, in preview and up --continue-on-error`, async () => {
            const invitations = await seedFleet(2);
            const accounts = fleetConfig(invitations);
            // data-prod has a policy of its own too, which passes: it must still reject nothing.
            const dataProd = {
                roleArn: roleIn(OTHER),
                policy: { allowedSenderAccountIds: [HUB.accountId], regions: REGIONS },
            };
            refuse(accounts.sandbox);
            const harness = await fleetStack({ ...accounts, "data-prod": dataProd });

            for (const run of [() => harness.stack.preview(), () => harness.stack.up({ continueOnError: true })]) {
                const error = await expectFailure(run(), CommandError);
                expect(await writeCalls(emulator)).to.deep.equal([]);
                expect(error.message).to.contain(says);
                expect(error.message).to.match(/InvitationPolicy \(sandbox-policy\):\s+error: /);
                expect(error.message).to.contain(roleIn(BYSTANDER));
            }
            const { invitations: seen } = await emulator.admin.state();
            expect(seen.filter((i) => i.status !== "PENDING")).to.deep.equal([]);
            expect(await rejectionsInState(harness)).to.deep.equal([]);
        });
    }

    it("another role for the same account changes no rejection and makes no RAM call", async () => {
        const invitations = await seedFleet(1);
        const harness = await fleetStack(fleetConfig(invitations));
        await harness.stack.up();
        await emulator.admin.clearCalls();

        await harness.stack.setConfig("ram-invitations:accounts", {
            value: JSON.stringify(fleetConfig(invitations, roleIn(RECEIVER, "renamed-role"))),
        });
        const preview = await harness.stack.preview();
        const up = await harness.stack.up();

        expect(preview.changeSummary).to.deep.include({ update: 1 });
        expect(Object.keys(up.summary.resourceChanges ?? {}).sort()).to.deep.equal(["same", "update"]);
        expect(await writeCalls(emulator)).to.deep.equal([]);
        const moved = (await rejectionsInState(harness)).find((r) => r.id === invitations[RECEIVER.accountId][0])!;
        expect(moved.outputs?.roleArn).to.equal(roleIn(RECEIVER, "renamed-role"));
    });

    it("SIGKILL with every rejection in flight, then the README's recovery: each rejected exactly once", async () => {
        const invitations = await seedFleet(1);
        const all = Object.values(invitations).flat();
        const proxy = await RequestCounter.start(emulator.endpoint);
        try {
            const harness = await suite.rootStack(
                {},
                { credentials: HUB, endpoint: proxy.endpoint, config: { accounts: fleetConfig(invitations) } },
            );
            await emulator.admin.setFaults("RejectResourceShareInvitation", { latencyMs: 3_000 });

            const run = harness.spawnUp(["--parallel", "10"]);
            const inFlight = () => proxy.received("/rejectresourceshareinvitation") === all.length;
            await waitUntil("every rejection is in flight", inFlight, run);
            await run.crash();
            await waitUntil("RAM has handled every rejection", async () => (await rejectCalls()).length === all.length);
            await emulator.admin.clearFaults();

            await harness.recoverFromCrash();
            await harness.stack.refresh({ clearPendingCreates: true });
            await harness.stack.up();

            expectRejectedExactlyOnce(await rejectCalls(), all, await rejectionsInState(harness));
        } finally {
            await proxy.stop();
        }
    });
});

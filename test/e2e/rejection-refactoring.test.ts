/**
 * InvitationRejection end to end, refactoring and upgrades: renames, re-parenting and aliases keep
 * the client token with no replacement and no call (the refactoring fixture), and a different
 * serialized provider in state, or a newer provider class, shows no change.
 */
import { expect } from "chai";
import { RunningEmulator } from "../../emulator";
import { INVITATION_REJECTION_TYPE_TOKEN } from "../../provider";
import { PulumiHarness } from "../../scripts/pulumi-harness";
import { rejectionsInState, StateResource } from "../support/rejections-in-state";
import { expectNoReplacement, expectOnlySame, rejectionSuite } from "../support/rejection-suite";

describe("InvitationRejection end to end: refactoring and package upgrades", function () {
    // The first use may build the CLI from Go modules (minutes); each operation takes seconds.
    this.timeout(15 * 60_000);

    const rejections = rejectionSuite();
    const { seedInvitations, rootStack, refactoringStack, rejectCalls, writeCalls } = rejections;
    let emulator: RunningEmulator;
    before(() => (emulator = rejections.emulator));

    describe("refactoring keeps the client token", () => {
        async function expectUnchangedRejection(
            harness: PulumiHarness,
            variant: string,
            expected: { token: string; urnSuffix: string; componentCreated: boolean },
        ): Promise<void> {
            await harness.stack.setConfig("refactoring:variant", { value: variant });
            const preview = await harness.stack.preview();
            expectNoReplacement(preview.changeSummary);
            const up = await harness.stack.up();

            expectNoReplacement(up.summary.resourceChanges);
            expect(up.summary.resourceChanges).to.deep.equal(
                expected.componentCreated ? { same: 2, create: 1 } : { same: 2 },
            );
            const urn: string = up.outputs.urn.value;
            expect(urn.endsWith(expected.urnSuffix), `${urn} ends with ${expected.urnSuffix}`).to.equal(true);
            expect(up.outputs.clientToken.value).to.equal(expected.token);
            const state = await rejectionsInState(harness);
            expect(state).to.have.length(1);
            expect(state[0].urn).to.equal(urn);
            expect(state[0].inputs?.clientToken).to.equal(expected.token);
            expect(state[0].outputs?.clientToken).to.equal(expected.token);
            expect(await writeCalls()).to.deep.equal([]);
        }

        // Each move keeps the token and causes no replacement and no new RejectResourceShareInvitation call.
        const MOVES = [
            // A rename with an alias to the old name.
            { title: "renamed, aliased to the old name", from: "original", to: "renamed", inComponent: false },
            // Moved under a component parent, with an alias to the root stack parent.
            {
                title: "moved under a component, aliased by parent",
                from: "renamed",
                to: "in-component",
                inComponent: true,
            },
            // Moved under a component parent and renamed, with the old URN as alias.
            {
                title: "moved and renamed, aliased by old URN",
                from: "original",
                to: "in-component-by-urn",
                inComponent: true,
            },
        ];
        for (const move of MOVES) {
            it(`${move.title}: same token, no replacement, no call`, async () => {
                const [arn] = await seedInvitations(1);
                const harness = await refactoringStack(arn, move.from);
                const first = await harness.stack.up();
                expect(await rejectCalls()).to.have.length(1);
                await emulator.admin.clearCalls();

                await expectUnchangedRejection(harness, move.to, {
                    token: first.outputs.clientToken.value,
                    urnSuffix: move.inComponent
                        ? `::e2e:refactoring:Group$${INVITATION_REJECTION_TYPE_TOKEN}::second-name`
                        : `::${INVITATION_REJECTION_TYPE_TOKEN}::second-name`,
                    componentCreated: move.inComponent,
                });
            });
        }
    });

    describe("upgrading the package", () => {
        // A different serialized provider in state (every __provider input and output replaced)
        // shows no changes in preview and makes no write call.
        it("a different serialized provider in state: no changes in preview, no write call", async () => {
            const arns = await seedInvitations(3);
            const harness = await rootStack(arns);
            await harness.stack.up();
            const exported = await harness.stack.exportStack();
            let replaced = 0;
            for (const resource of exported.deployment.resources as StateResource[]) {
                if (resource.type !== INVITATION_REJECTION_TYPE_TOKEN) {
                    continue;
                }
                for (const properties of [resource.inputs, resource.outputs]) {
                    expect(properties?.__provider, `__provider of ${resource.urn}`).to.be.a("string");
                    properties!.__provider = `${properties!.__provider as string}\n// upgraded`;
                    replaced++;
                }
            }
            expect(replaced).to.equal(6);
            await harness.stack.importStack(exported);
            const imported = await rejectionsInState(harness);
            expect(imported).to.have.length(3);
            expect(imported.every((r) => (r.inputs?.__provider as string).endsWith("\n// upgraded"))).to.equal(true);
            await emulator.admin.clearCalls();

            const preview = await harness.stack.preview();

            expectOnlySame(preview.changeSummary);
            expect(await writeCalls()).to.deep.equal([]);
        });

        // A newer provider class (a member more, so Pulumi serializes a different text)
        // shows no changes in preview or up and makes no write call.
        it("a newer provider class: no changes in preview or up, no write call", async () => {
            const [arn] = await seedInvitations(1);
            const harness = await refactoringStack(arn, "original");
            await harness.stack.up();
            const [before] = await rejectionsInState(harness);
            expect(before.inputs?.__provider).not.to.contain("a newer release");
            await emulator.admin.clearCalls();
            await harness.stack.setConfig("refactoring:variant", { value: "upgraded-provider" });

            const preview = await harness.stack.preview();
            const up = await harness.stack.up();

            expectOnlySame(preview.changeSummary);
            expectOnlySame(up.summary.resourceChanges);
            const [after] = await rejectionsInState(harness);
            // The engine stores the new provider text, so the variant really did serialize a different one.
            expect(after.inputs?.__provider).to.contain("a newer release");
            expect(after.outputs?.clientToken).to.equal(before.outputs?.clientToken);
            expect(await writeCalls()).to.deep.equal([]);
        });
    });
});

/**
 * Rejections under components, end to end on the real Pulumi CLI against the RAM emulator: any
 * number of children, nested components, `dependsOn` between siblings, moves with aliases, and
 * stacks built by the release whose client token depended on the parent. The program is
 * test/e2e/fixtures/components, which builds the tree given in its config.
 */
import { expect } from "chai";
import * as path from "node:path";
import { clientEnvironment, RunningEmulator } from "../../emulator";
import { deriveClientToken } from "../../provider/core/rejection/client-token";
import { PulumiHarness } from "../../scripts/pulumi-harness";
import { RECEIVER } from "../support/accounts";
import { endToEndSuite } from "../support/end-to-end-suite";
import {
    expectRejectedExactlyOnce,
    rejectionsInState,
    StateResource,
    writeCalls,
} from "../support/rejections-in-state";
import { seedInvitations } from "../support/seeding";

const COMPONENTS_PROGRAM = path.join(__dirname, "fixtures", "components", "index.ts");

type Node =
    | { group: string; children: Node[] }
    | { rejection: string; invitationArn: string; dependsOnPrevious?: boolean; aliasUrn?: string };

function group(name: string, children: Node[]): Node {
    return { group: name, children };
}

function rejections(prefix: string, arns: string[], options: { dependsOnPrevious?: boolean } = {}): Node[] {
    return arns.map((invitationArn, i) => ({ rejection: `${prefix}-${i + 1}`, invitationArn, ...options }));
}

/** Every token in state is the one derived from the resource's own URN and invitation ARN. */
function expectTokensFromOwnUrns(state: StateResource[]): void {
    for (const resource of state) {
        expect(resource.outputs?.clientToken, resource.urn).to.equal(deriveClientToken(resource.urn, resource.id!));
    }
}

describe("InvitationRejection under components, end to end", function () {
    this.timeout(15 * 60_000);

    const suite = endToEndSuite();
    let emulator: RunningEmulator;
    before(() => (emulator = suite.emulator));

    async function componentsStack(tree: Node[]): Promise<PulumiHarness> {
        return suite.stack({
            program: COMPONENTS_PROGRAM,
            project: "components",
            config: { "components:tree": { value: JSON.stringify(tree) } },
            env: clientEnvironment(emulator.endpoint, RECEIVER),
        });
    }

    it("several components of several children, nested, with dependsOn: preview, up, then no change", async () => {
        const arns = await seedInvitations(emulator, 14);
        const tree = [
            group("vendor-a", rejections("a", arns.slice(0, 3))),
            // Each child depends on the sibling declared before it.
            group("vendor-b", rejections("b", arns.slice(3, 6), { dependsOnPrevious: true })),
            group("platform", [
                ...rejections("p", arns.slice(6, 8)),
                group("team-x", [
                    ...rejections("x", arns.slice(8, 10)),
                    group("team-x-sandbox", rejections("xs", arns.slice(10, 12))),
                ]),
            ]),
            ...rejections("top", arns.slice(12, 14)),
        ];
        const harness = await componentsStack(tree);

        const preview = await harness.stack.preview();
        expect(preview.changeSummary).to.deep.equal({ create: 1 + 5 + 14 }); // the stack, 5 components, 14 rejections
        expect(await writeCalls(emulator)).to.deep.equal([]);

        const up = await harness.stack.up();
        expect(up.summary.resourceChanges).to.deep.equal({ create: 20 });
        const state = await rejectionsInState(harness);
        expectRejectedExactlyOnce(
            await emulator.admin.calls({ operation: "RejectResourceShareInvitation" }),
            arns,
            state,
        );
        expectTokensFromOwnUrns(state);
        expect(state.find((r) => r.id === arns[10])?.urn).to.contain(
            "e2e:components:Group$e2e:components:Group$e2e:components:Group$" +
                "pulumi-nodejs:dynamic/ram:InvitationRejection::xs-1",
        );

        await emulator.admin.clearCalls();
        const second = await harness.stack.up();
        expect(second.summary.resourceChanges).to.deep.equal({ same: 20 });
        expect(await writeCalls(emulator)).to.deep.equal([]);
    });

    it("one component with 200 children: preview and up finish, one call per rejection", async () => {
        const arns = await seedInvitations(emulator, 200);
        const harness = await componentsStack([group("vendors", rejections("r", arns))]);

        const preview = await harness.stack.preview();
        expect(preview.changeSummary).to.deep.equal({ create: 202 });
        const previewCalls = await emulator.admin.calls();
        expect(previewCalls.filter((c) => c.operation !== "GetResourceShareInvitations")).to.deep.equal([]);
        // check reads each region's listing once (two regions), never one call per invitation.
        expect(previewCalls).to.have.length(2);

        await emulator.admin.clearCalls();
        const up = await harness.stack.up();
        expect(up.summary.resourceChanges).to.deep.equal({ create: 202 });
        const rejects = await emulator.admin.calls({ operation: "RejectResourceShareInvitation" });
        expect(rejects).to.have.length(200);
        const state = await rejectionsInState(harness);
        expectRejectedExactlyOnce(rejects, arns, state);
        expectTokensFromOwnUrns(state);
    });

    // Top-level rejections moved into a component of several, renamed, with aliases:
    // the tokens are kept and no call is made.
    it("top-level rejections moved into a component with aliases: tokens kept, no call", async () => {
        const arns = await seedInvitations(emulator, 3);
        const harness = await componentsStack(rejections("old", arns));
        await harness.stack.up();
        const before = await rejectionsInState(harness);
        await emulator.admin.clearCalls();

        const moved = arns.map((invitationArn, i) => ({
            rejection: `new-${i + 1}`,
            invitationArn,
            aliasUrn: before.find((r) => r.id === invitationArn)!.urn,
        }));
        await harness.stack.setConfig("components:tree", { value: JSON.stringify([group("moved", moved)]) });
        const preview = await harness.stack.preview();
        expect(preview.changeSummary).to.deep.equal({ create: 1, same: 4 }); // the new component only
        const up = await harness.stack.up();
        expect(up.summary.resourceChanges).to.deep.equal({ create: 1, same: 4 });

        const after = await rejectionsInState(harness);
        for (const resource of after) {
            expect(resource.urn).to.contain("e2e:components:Group$pulumi-nodejs:dynamic/ram:InvitationRejection::new-");
            const original = before.find((r) => r.id === resource.id)!;
            expect(resource.outputs?.clientToken).to.equal(original.outputs?.clientToken);
        }
        expect(await writeCalls(emulator)).to.deep.equal([]);
    });

    it("a stack built by the release whose token depended on the parent shows no change", async () => {
        const arns = await seedInvitations(emulator, 4);
        // What that release could build: top-level rejections and components of one child.
        const tree = [
            ...rejections("top", arns.slice(0, 2)),
            group("solo-a", rejections("a", arns.slice(2, 3))),
            group("outer", [group("solo-b", rejections("b", arns.slice(3, 4)))]),
        ];
        const harness = await componentsStack(tree);
        await harness.stack.setConfig("components:released", { value: "true" });
        await harness.stack.up();
        const released = await rejectionsInState(harness);
        expect(released).to.have.length(4);
        await emulator.admin.clearCalls();

        await harness.stack.removeConfig("components:released");
        const preview = await harness.stack.preview();
        const up = await harness.stack.up();

        expect(Object.keys(preview.changeSummary)).to.deep.equal(["same"]);
        expect(Object.keys(up.summary.resourceChanges ?? {})).to.deep.equal(["same"]);
        const current = await rejectionsInState(harness);
        for (const resource of current) {
            const before = released.find((r) => r.urn === resource.urn)!;
            expect(resource.outputs?.clientToken, resource.urn).to.equal(before.outputs?.clientToken);
            // The current class derives the very token that the release stored.
            expect(up.outputs.clientTokens.value[resource.urn.split("::").pop()!]).to.equal(
                before.outputs?.clientToken,
            );
        }
        expectTokensFromOwnUrns(current);
        expect(await writeCalls(emulator)).to.deep.equal([]);
    });
});

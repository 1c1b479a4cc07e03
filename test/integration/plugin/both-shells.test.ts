/**
 * The dynamic provider and the provider plugin are two shells over one core: the same cases, driven
 * through both against the emulator (the real SDK over HTTP), give the same answers. The plugin's
 * shell is called as its gRPC server calls it (URN, property values with Pulumi's secret tags).
 */
import { expect } from "chai";
import { RejectResourceShareInvitationCommand } from "@aws-sdk/client-ram";
import { specialSecretSig, specialSigKey, unknownValue } from "@pulumi/pulumi/runtime/rpc";
import { RunningEmulator } from "../../../emulator";
import { RamInvitationsProvider } from "../../../provider/plugin/provider";
import { deriveClientToken } from "../../../provider/core/rejection/client-token";
import { rejectionProvider } from "../../../provider/dynamic/answer-provider";
import { RECEIVER } from "../../support/accounts";
import { emulatorPerSuite } from "../../support/emulator-suite";
import { describeWithPageSizes } from "../../support/page-sizes";
import { ramClientAs } from "../../support/ram-client";
import { seedShares } from "../../support/seeding";

const REGION = "us-east-1";
const DYNAMIC_URN = "urn:pulumi:test::p::pulumi-nodejs:dynamic/ram:InvitationRejection::r";
const PLUGIN_URN = "urn:pulumi:test::p::ram-invitations:index:InvitationRejection::r";
const ROLE = `arn:aws:iam::${RECEIVER.accountId}:role/ram-invitations`;

describeWithPageSizes("both shells over one core: the dynamic provider and the plugin (emulator)", function (pageSize) {
    this.timeout(60_000);
    const suite = emulatorPerSuite({ actAs: RECEIVER, pageSize });
    let emulator: RunningEmulator;
    before(() => (emulator = suite.emulator));

    const plugin = () => new RamInvitationsProvider("0.0.0-test");

    async function oneInvitation(): Promise<string> {
        const [{ invitation }] = await seedShares(emulator, 1, { region: REGION, name: () => "shared-vpc" });
        return invitation;
    }

    it("check: the same facts for the reviewer; the plugin derives the token from its URN", async () => {
        const arn = await oneInvitation();
        const dynamic = await rejectionProvider().check(
            {},
            { invitationArn: arn, clientToken: deriveClientToken(DYNAMIC_URN, arn) },
        );
        const served = await plugin().check(PLUGIN_URN, {}, { invitationArn: arn });
        expect(served.failures).to.deep.equal([]);
        expect(served.inputs).to.deep.equal({ ...dynamic.inputs, clientToken: deriveClientToken(PLUGIN_URN, arn) });
        expect(served.inputs).to.include({ senderAccountId: "111111111111", resourceShareName: "shared-vpc" });
    });

    it("check: the same failures, each against its input, before any call", async () => {
        const bad = { invitationArn: "arn:aws:ram:us-east-1:1:resource-share-invitation/x" };
        const dynamic = await rejectionProvider().check(
            {},
            { ...bad, clientToken: deriveClientToken(DYNAMIC_URN, "") },
        );
        const served = await plugin().check(PLUGIN_URN, {}, bad);
        expect(served.failures).to.deep.equal(dynamic.failures).and.not.to.be.empty;
        expect(await emulator.admin.calls()).to.deep.equal([]);
    });

    it("check (plugin): a given clientToken is refused; an unknown ARN leaves the token unknown", async () => {
        const arn = await oneInvitation();
        const given = await plugin().check(PLUGIN_URN, {}, { invitationArn: arn, clientToken: "mine" });
        expect(given.failures?.map((f) => f.property)).to.include("clientToken");
        const unknown = await plugin().check(PLUGIN_URN, {}, { invitationArn: unknownValue });
        expect(unknown.inputs.clientToken).to.equal(unknownValue);
    });

    it("check (plugin): session name from the URN's project and stack; externalId stays secret", async () => {
        const arn = await oneInvitation();
        await emulator.admin.seed({
            accounts: [],
            roles: [{ roleArn: ROLE, trustedPrincipals: [RECEIVER.accountId] }],
        });
        const secret = { [specialSigKey]: specialSecretSig, value: "the-external-id" };
        const served = await plugin().check(PLUGIN_URN, {}, { invitationArn: arn, roleArn: ROLE, externalId: secret });
        expect(served.inputs.roleSessionName).to.equal("pulumi-p-test");
        expect(served.inputs.externalId).to.deep.equal(secret);
    });

    it("create: one rejection with the shell's token; the same state from both but for the token", async () => {
        const [first, second] = [await oneInvitation(), await oneInvitation()];
        const dynamicToken = deriveClientToken(DYNAMIC_URN, first);
        const dynamic = await rejectionProvider().create({ invitationArn: first, clientToken: dynamicToken });
        const pluginToken = deriveClientToken(PLUGIN_URN, second);
        const served = await plugin().create(PLUGIN_URN, { invitationArn: second, clientToken: pluginToken }, false);
        const rejects = await emulator.admin.calls({ operation: "RejectResourceShareInvitation" });
        expect(rejects.map((c) => (c.parameters as { clientToken: string }).clientToken)).to.deep.equal([
            dynamicToken,
            pluginToken,
        ]);
        expect(Object.keys(served.outs).sort()).to.deep.equal(Object.keys(dynamic.outs ?? {}).sort());
        expect(served.outs).to.include({ status: "REJECTED", invitationArn: second, clientToken: pluginToken });
    });

    it("read: the plugin imports a REJECTED invitation without a write, and refuses a PENDING one", async () => {
        const [rejected, pending] = [await oneInvitation(), await oneInvitation()];
        await ramClientAs(emulator.endpoint, RECEIVER, REGION).send(
            new RejectResourceShareInvitationCommand({ resourceShareInvitationArn: rejected }),
        );
        await emulator.admin.clearCalls();
        const imported = await plugin().read(rejected, PLUGIN_URN, {});
        expect(imported.inputs).to.deep.equal({ invitationArn: rejected });
        expect(imported.props).to.include({ status: "REJECTED", clientToken: deriveClientToken(PLUGIN_URN, rejected) });
        let failure: Error | undefined;
        await plugin()
            .read(pending, PLUGIN_URN, {})
            .catch((error: Error) => (failure = error));
        expect(failure?.message).to.include("it is PENDING, so there is no rejection to import");
        const writes = await emulator.admin.calls({ operation: "RejectResourceShareInvitation" });
        expect(writes).to.deep.equal([]);
    });
});

/**
 * The provider's configuration in both shells, in-process against the emulator: a default role
 * that every resource without its own acts through, and allowedAccountIds refusing another account
 * before any RAM request. The dynamic provider takes the stack's config (every namespace, as the
 * engine hands it); the plugin an explicit provider's inputs (Configure).
 */
import { expect } from "chai";
import { RunningEmulator } from "../../../emulator";
import { RamInvitationsProvider } from "../../../provider/plugin/provider";
import { deriveClientToken } from "../../../provider/core/rejection/client-token";
import { rejectionProvider } from "../../../provider/dynamic/answer-provider";
import { HUB, OTHER, RECEIVER, SENDER } from "../../support/accounts";
import { emulatorPerSuite } from "../../support/emulator-suite";

const REGION = "us-east-1";
const ROLE = `arn:aws:iam::${RECEIVER.accountId}:role/ram-invitations`;
const PLUGIN_URN = "urn:pulumi:test::p::ram-invitations:index:InvitationRejection::r";
const PROVIDER_URN = "urn:pulumi:test::p::pulumi:providers:ram-invitations::receiver";

type Settings = Record<string, unknown>;

/** One shell, configured with `settings`: check, then create as the engine would in an update. */
interface Shell {
    name: string;
    reject(settings: Settings, invitationArn: string): Promise<{ failures: string[]; status?: string }>;
}

const DYNAMIC: Shell = {
    name: "the dynamic provider (stack config)",
    async reject(settings, invitationArn) {
        const provider = rejectionProvider();
        const config = Object.fromEntries(Object.entries(settings).map(([k, v]) => [`ram-invitations:${k}`, v]));
        await provider.configure({ config: { get: (key: string) => config[key] } } as never);
        const clientToken = deriveClientToken(`urn:pulumi:test::p::t::r`, invitationArn);
        const checked = await provider.check({}, { invitationArn, clientToken, __preview: true });
        if (checked.failures?.length) {
            return { failures: checked.failures.map((f) => f.reason) };
        }
        const created = await provider.create({ ...checked.inputs, __preview: false } as never);
        return { failures: [], status: created.outs?.status };
    },
};

const PLUGIN: Shell = {
    name: "the plugin (an explicit provider's inputs)",
    async reject(settings, invitationArn) {
        const provider = new RamInvitationsProvider("0.0.0-test");
        const problems = await provider.checkConfig(PROVIDER_URN, {}, settings);
        if (problems.failures.length) {
            return { failures: problems.failures.map((f) => f.reason) };
        }
        await provider.configure(settings, { urn: PROVIDER_URN });
        const checked = await provider.check(PLUGIN_URN, {}, { invitationArn });
        // In a preview, the engine calls Create with preview set: what RAM refuses fails there.
        await provider.create(PLUGIN_URN, checked.inputs, true).catch((error: Error) => {
            checked.failures.push({ property: "", reason: error.message });
        });
        if (checked.failures.length) {
            return { failures: checked.failures.map((f) => f.reason) };
        }
        const created = await provider.create(PLUGIN_URN, checked.inputs, false);
        return { failures: [], status: created.outs.status as string };
    },
};

describe("the provider's configuration in both shells (emulator)", function () {
    this.timeout(60_000);
    // The process's own credentials are the hub's: the receiver is reached through its role only.
    const suite = emulatorPerSuite({ actAs: HUB });
    let emulator: RunningEmulator;
    let invitation: string;
    before(() => (emulator = suite.emulator));

    beforeEach(async () => {
        const seeded = await emulator.admin.seed({
            accounts: [HUB, SENDER, RECEIVER, OTHER],
            roles: [{ roleArn: ROLE, trustedPrincipals: [HUB.accountId] }],
            resourceShares: [
                {
                    name: "for-receiver",
                    ownerAccountId: SENDER.accountId,
                    region: REGION,
                    principals: [RECEIVER.accountId],
                },
            ],
        });
        invitation = seeded.resourceShares[0].invitationArns[RECEIVER.accountId];
        await emulator.admin.clearCalls();
    });

    it("the plugin's getInvitations without a region lists the provider's region, as its default role", async () => {
        const provider = new RamInvitationsProvider("0.0.0-test");
        const none = await provider.invoke("ram-invitations:index:getInvitations", {});
        expect(none.failures?.map((f) => f.reason)).to.deep.equal([
            "getInvitations: region is required: give region, or set the provider's region " +
                "(ram-invitations:region, or region on an explicit provider)",
        ]);
        await provider.configure({ region: REGION, roleArn: ROLE }, { urn: PROVIDER_URN });
        const listed = await provider.invoke("ram-invitations:index:getInvitations", {});
        expect((listed.outputs?.invitations as { invitationArn: string }[]).map((i) => i.invitationArn)).to.deep.equal([
            invitation,
        ]);
    });

    for (const shell of [DYNAMIC, PLUGIN]) {
        describe(shell.name, () => {
            it("a resource without a role of its own acts through the provider's roleArn", async () => {
                const outcome = await shell.reject({ roleArn: ROLE, region: REGION }, invitation);
                expect(outcome).to.deep.equal({ failures: [], status: "REJECTED" });
                const rejects = await emulator.admin.calls({ operation: "RejectResourceShareInvitation" });
                expect(rejects.map((call) => call.accountId)).to.deep.equal([RECEIVER.accountId]);
            });

            it("allowedAccountIds refuses another account before any RAM request, naming both", async () => {
                const outcome = await shell.reject(
                    { roleArn: ROLE, allowedAccountIds: JSON.stringify([OTHER.accountId]) },
                    invitation,
                );
                expect(outcome.failures.join("\n")).to.include(
                    `account ${RECEIVER.accountId} (role ${ROLE}) is not in the provider's allowedAccountIds ` +
                        `(${OTHER.accountId}), so nothing was sent to it`,
                );
                expect(await emulator.admin.calls()).to.deep.equal([]);
            });

            it("allowedAccountIds that list the role's account let it act", async () => {
                const outcome = await shell.reject(
                    { roleArn: ROLE, allowedAccountIds: [RECEIVER.accountId] },
                    invitation,
                );
                expect(outcome).to.deep.equal({ failures: [], status: "REJECTED" });
            });

            it("a setting that cannot be used fails, naming its key", async () => {
                const outcome = await shell.reject({ roleArn: "not-a-role" }, invitation).catch((error: Error) => ({
                    failures: [error.message],
                }));
                expect(outcome.failures.join("\n")).to.match(/(ram-invitations:|provider input )roleArn/);
                expect(outcome.failures.join("\n")).to.include('"not-a-role" is not an IAM role ARN');
            });
        });
    }
});

/**
 * STS AssumeRole through the unmodified SDK: a hub identity assumes a role in a receiving
 * account and acts as that account in RAM, until its credentials expire on the emulator's clock;
 * STS's XML, and what the admin API shows of roles and sessions.
 */
import { ResourceShareInvitationArnNotFoundException } from "@aws-sdk/client-ram";
import { expect } from "chai";
import {
    BYSTANDER,
    credentialsOf,
    expectAwsError,
    expectRamError,
    HUB,
    OTHER,
    post,
    RECEIVER,
    REGION,
} from "../helpers";
import {
    assume,
    callerIdentity,
    CHAINED_ROLE,
    EXTERNAL_ID,
    EXTERNAL_ID_ROLE,
    GOV_ROLE,
    HUB_ROLE,
    invitationArn,
    listInvitations,
    RECEIVER_ROLE,
    SEED,
    session,
    sts,
    useAssumeRoleSeed,
} from "./assume-role-world";

describe("emulator: STS AssumeRole", () => {
    useAssumeRoleSeed();

    it("acts as the role's account in RAM", async () => {
        const answer = await assume(HUB, { RoleArn: RECEIVER_ROLE, RoleSessionName: "hub" });
        const { Credentials, AssumedRoleUser } = answer;
        const roleId = sts.seeded.roles.find((r) => r.roleArn === RECEIVER_ROLE)!.roleId;
        expect(roleId).to.match(/^AROA[A-Z0-9]{17}$/);
        expect(AssumedRoleUser).to.deep.equal({
            AssumedRoleId: `${roleId}:hub`,
            Arn: `arn:aws:sts::${RECEIVER.accountId}:assumed-role/ram-invitations/hub`,
        });
        expect(Credentials!.AccessKeyId).to.match(/^ASIA[A-Z0-9]{16}$/);
        // One hour from now on the emulator's clock, stated to the second.
        const now = Date.parse((await sts.emulator.admin.state()).now);
        expect(Credentials!.Expiration!.getTime() - now).to.be.within(3600_000 - 2000, 3600_000);

        const credentials = credentialsOf(answer);
        const { resourceShareInvitations } = await listInvitations(credentials);
        expect(resourceShareInvitations?.map((i) => i.resourceShareInvitationArn)).to.deep.equal([
            invitationArn(RECEIVER.accountId),
        ]);
        await expectRamError(
            listInvitations(credentials, [invitationArn(BYSTANDER.accountId)]),
            ResourceShareInvitationArnNotFoundException,
            400,
        );
    });

    it("names the session in GetCallerIdentity", async () => {
        const identity = await callerIdentity(await session(HUB, GOV_ROLE, "gov-session"));
        expect(identity).to.deep.include({
            Account: RECEIVER.accountId,
            Arn: `arn:aws-us-gov:sts::${RECEIVER.accountId}:assumed-role/gov/gov-session`,
            UserId: `${sts.seeded.roles.find((r) => r.roleArn === GOV_ROLE)!.roleId}:gov-session`,
        });
    });

    // Role chaining: a session of the hub's role assumes a role that trusts that role only.
    it("chains from a trusted role's session", async () => {
        const chained = await session(await session(HUB, HUB_ROLE), CHAINED_ROLE, "chained");
        expect((await callerIdentity(chained)).Arn).to.equal(
            `arn:aws:sts::${OTHER.accountId}:assumed-role/chained/chained`,
        );
    });

    it("accepts the right external id", async () => {
        const { AssumedRoleUser } = await assume(HUB, { RoleArn: EXTERNAL_ID_ROLE, ExternalId: EXTERNAL_ID });
        expect(AssumedRoleUser!.Arn).to.equal(`arn:aws:sts::${BYSTANDER.accountId}:assumed-role/with-external-id/test`);
    });

    it("gives the role up to its maximum session", async () => {
        const { Credentials } = await assume(HUB, { RoleArn: RECEIVER_ROLE, DurationSeconds: 43200 });
        const now = Date.parse((await sts.emulator.admin.state()).now);
        expect(Credentials!.Expiration!.getTime() - now).to.be.within(43200_000 - 2000, 43200_000);
    });

    it("expires credentials on the emulator's clock", async () => {
        const answer = await assume(HUB, { RoleArn: RECEIVER_ROLE, DurationSeconds: 900 });
        const credentials = credentialsOf(answer);
        const now = Date.parse((await sts.emulator.admin.state()).now);
        await sts.emulator.admin.advanceClock(answer.Credentials!.Expiration!.getTime() - now - 2000);
        await listInvitations(credentials);

        await sts.emulator.admin.advanceClock(2000);
        await expectAwsError(listInvitations(credentials), "ExpiredTokenException", 403);
        await expectAwsError(callerIdentity(credentials), "ExpiredToken", 403);
        const [shown] = (await sts.emulator.admin.state()).sessions;
        expect(shown).to.deep.include({ accessKeyId: credentials.accessKeyId, expired: true });

        // The hub's own key assumes the role again: new credentials, and they work.
        const renewed = await session(HUB, RECEIVER_ROLE);
        expect(renewed.accessKeyId).to.not.equal(credentials.accessKeyId);
        expect((await listInvitations(renewed)).resourceShareInvitations).to.have.length(1);
    });

    // The answer byte by byte as STS writes it (the bystander's requests are not signature-checked).
    it("answers STS's XML", async () => {
        const body = new URLSearchParams({
            Action: "AssumeRole",
            Version: "2011-06-15",
            RoleArn: RECEIVER_ROLE,
            RoleSessionName: "raw",
        }).toString();
        const answer = await post(sts.emulator.endpoint, "/", body, {
            "content-type": "application/x-www-form-urlencoded",
            authorization:
                `AWS4-HMAC-SHA256 Credential=${BYSTANDER.accessKeyId}/20250101/${REGION}/sts/aws4_request, ` +
                "SignedHeaders=host;x-amz-date, Signature=0000",
        });
        expect(answer.status).to.equal(200);
        expect(answer.body).to.match(
            new RegExp(
                '^<AssumeRoleResponse xmlns="https://sts\\.amazonaws\\.com/doc/2011-06-15/"><AssumeRoleResult>' +
                    "<Credentials><AccessKeyId>ASIA[A-Z0-9]{16}</AccessKeyId>" +
                    "<SecretAccessKey>[A-Za-z0-9+/]{40}</SecretAccessKey><SessionToken>[A-Za-z0-9+/=]+</SessionToken>" +
                    "<Expiration>\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ</Expiration></Credentials>" +
                    "<AssumedRoleUser><AssumedRoleId>AROA[A-Z0-9]{17}:raw</AssumedRoleId>" +
                    `<Arn>arn:aws:sts::${RECEIVER.accountId}:assumed-role/ram-invitations/raw</Arn></AssumedRoleUser>` +
                    "</AssumeRoleResult><ResponseMetadata><RequestId>[0-9a-f-]{36}</RequestId></ResponseMetadata>" +
                    "</AssumeRoleResponse>$",
            ),
        );
    });

    // state() shows roles and sessions without secrets; issuedCredentials() has them; reset forgets them.
    it("shows roles and sessions to the admin API", async () => {
        const answer = await assume(HUB, { RoleArn: EXTERNAL_ID_ROLE, ExternalId: EXTERNAL_ID });
        const { Credentials, AssumedRoleUser } = answer;
        const state = await sts.emulator.admin.state();
        expect(state.roles.map((r) => r.roleArn)).to.deep.equal(SEED.roles!.map((r) => r.roleArn));
        expect(state.roles.find((r) => r.roleArn === EXTERNAL_ID_ROLE)).to.deep.equal({
            roleArn: EXTERNAL_ID_ROLE,
            roleId: sts.seeded.roles.find((r) => r.roleArn === EXTERNAL_ID_ROLE)!.roleId,
            accountId: BYSTANDER.accountId,
            trustedPrincipals: [HUB.accountId],
            requiresExternalId: true,
            maxSessionDurationSeconds: 3600,
        });
        const view = {
            accessKeyId: Credentials!.AccessKeyId,
            roleArn: EXTERNAL_ID_ROLE,
            roleSessionName: "test",
            accountId: BYSTANDER.accountId,
            assumedRoleArn: AssumedRoleUser!.Arn,
            expiration: Credentials!.Expiration!.toISOString().replace(".000Z", "Z"),
            expired: false,
        };
        expect(state.sessions).to.have.length(1);
        expect(state.sessions[0]).to.deep.include(view);
        const stateText = JSON.stringify(state);
        for (const secret of [EXTERNAL_ID, Credentials!.SecretAccessKey!, Credentials!.SessionToken!]) {
            expect(stateText).to.not.contain(secret);
        }
        expect(await sts.emulator.admin.issuedCredentials()).to.deep.equal([
            {
                ...state.sessions[0],
                secretAccessKey: Credentials!.SecretAccessKey,
                sessionToken: Credentials!.SessionToken,
            },
        ]);

        await sts.emulator.admin.reset();
        const after = await sts.emulator.admin.state();
        expect([after.roles, after.sessions, await sts.emulator.admin.issuedCredentials()]).to.deep.equal([[], [], []]);
        await expectAwsError(listInvitations(credentialsOf(answer)), "UnrecognizedClientException", 403);
    });
});

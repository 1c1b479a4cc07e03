/**
 * STS AssumeRole through the unmodified SDK: a hub identity assumes a role in a receiving
 * account and acts as that account in RAM, until its credentials expire on the emulator's clock.
 */
import { GetResourceShareInvitationsCommand, ResourceShareInvitationArnNotFoundException } from "@aws-sdk/client-ram";
import { AssumeRoleCommand, AssumeRoleCommandInput, GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { expect } from "chai";
import { RunningEmulator, Seed, SeededState } from "../../../emulator";
import { emulatorPerSuite } from "../../support/emulator-suite";
import {
    BASIC_SEED,
    BYSTANDER,
    credentialsOf,
    expectAwsError,
    expectRamError,
    HUB,
    OTHER,
    post,
    ramClient,
    RECEIVER,
    REGION,
    stsClient,
    TestCredentials,
} from "../helpers";

/** The receiver's role for the hub (and for the bystander, whose unsigned requests the raw test sends). */
const RECEIVER_ROLE = `arn:aws:iam::${RECEIVER.accountId}:role/ram-invitations`;
/** A role in the hub's own account, the first step of a chain. */
const HUB_ROLE = `arn:aws:iam::${HUB.accountId}:role/deployer`;
/** Trusts only sessions of {@link HUB_ROLE}, not the hub account itself; its name has a path. */
const CHAINED_ROLE = `arn:aws:iam::${OTHER.accountId}:role/team/chained`;
const EXTERNAL_ID_ROLE = `arn:aws:iam::${BYSTANDER.accountId}:role/with-external-id`;
const EXTERNAL_ID = "hub-external-id";
const GOV_ROLE = `arn:aws-us-gov:iam::${RECEIVER.accountId}:role/gov`;

const SEED: Seed = {
    accounts: [...BASIC_SEED.accounts, OTHER, HUB],
    roles: [
        {
            roleArn: RECEIVER_ROLE,
            trustedPrincipals: [HUB.accountId, BYSTANDER.accountId],
            maxSessionDurationSeconds: 43200,
        },
        { roleArn: HUB_ROLE, trustedPrincipals: [HUB.accountId] },
        { roleArn: CHAINED_ROLE, trustedPrincipals: [HUB_ROLE] },
        { roleArn: EXTERNAL_ID_ROLE, trustedPrincipals: [HUB.accountId], externalId: EXTERNAL_ID },
        { roleArn: GOV_ROLE, trustedPrincipals: [HUB.accountId] },
    ],
    resourceShares: BASIC_SEED.resourceShares,
};

describe("emulator: STS AssumeRole", () => {
    let emulator: RunningEmulator;
    let seeded: SeededState;
    const suite = emulatorPerSuite();
    before(() => (emulator = suite.emulator));
    beforeEach(async () => {
        seeded = await emulator.admin.seed(SEED);
    });

    /** AssumeRole as `caller`; the session is named "test" unless `input` names it. */
    function assume(
        caller: TestCredentials,
        input: Omit<AssumeRoleCommandInput, "RoleSessionName"> & { RoleSessionName?: string },
    ) {
        return stsClient(emulator.endpoint, caller).send(new AssumeRoleCommand({ RoleSessionName: "test", ...input }));
    }

    /** The temporary credentials of a new session of `roleArn`, assumed by `caller`. */
    async function session(caller: TestCredentials, roleArn: string, name = "test"): Promise<TestCredentials> {
        return credentialsOf(await assume(caller, { RoleArn: roleArn, RoleSessionName: name }));
    }

    function invitationArn(receiver: string): string {
        return seeded.resourceShares.find((s) => s.invitationArns[receiver])!.invitationArns[receiver];
    }

    function listInvitations(credentials: TestCredentials, arns?: string[]) {
        return ramClient(emulator.endpoint, credentials).send(
            new GetResourceShareInvitationsCommand({ resourceShareInvitationArns: arns }),
        );
    }

    function callerIdentity(credentials: TestCredentials) {
        return stsClient(emulator.endpoint, credentials).send(new GetCallerIdentityCommand({}));
    }

    it("acts as the role's account in RAM", async () => {
        const answer = await assume(HUB, { RoleArn: RECEIVER_ROLE, RoleSessionName: "hub" });
        const { Credentials, AssumedRoleUser } = answer;
        const roleId = seeded.roles.find((r) => r.roleArn === RECEIVER_ROLE)!.roleId;
        expect(roleId).to.match(/^AROA[A-Z0-9]{17}$/);
        expect(AssumedRoleUser).to.deep.equal({
            AssumedRoleId: `${roleId}:hub`,
            Arn: `arn:aws:sts::${RECEIVER.accountId}:assumed-role/ram-invitations/hub`,
        });
        expect(Credentials!.AccessKeyId).to.match(/^ASIA[A-Z0-9]{16}$/);
        // One hour from now on the emulator's clock, stated to the second.
        const now = Date.parse((await emulator.admin.state()).now);
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
            UserId: `${seeded.roles.find((r) => r.roleArn === GOV_ROLE)!.roleId}:gov-session`,
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

    // Each refused with AccessDenied (403, the caller's fault) naming the caller (the hub unless
    // given) and the role, as STS does.
    const DENIED: {
        title: string;
        caller?: { credentials: () => Promise<TestCredentials> | TestCredentials; arn: string };
        input: AssumeRoleCommandInput;
    }[] = [
        {
            title: "an untrusted account",
            caller: { credentials: () => RECEIVER, arn: `arn:aws:iam::${RECEIVER.accountId}:root` },
            input: { RoleArn: RECEIVER_ROLE, RoleSessionName: "self" },
        },
        // The role trusts sessions of the hub's role, not the hub account itself.
        { title: "the account of a trusted role", input: { RoleArn: CHAINED_ROLE, RoleSessionName: "direct" } },
        {
            title: "a session of another role",
            caller: {
                credentials: () => session(HUB, RECEIVER_ROLE, "other"),
                arn: `arn:aws:sts::${RECEIVER.accountId}:assumed-role/ram-invitations/other`,
            },
            input: { RoleArn: CHAINED_ROLE, RoleSessionName: "chain" },
        },
        { title: "a missing external id", input: { RoleArn: EXTERNAL_ID_ROLE, RoleSessionName: "no-id" } },
        {
            title: "a wrong external id",
            input: { RoleArn: EXTERNAL_ID_ROLE, RoleSessionName: "wrong-id", ExternalId: "not-the-id" },
        },
        {
            title: "an unknown role",
            input: { RoleArn: `arn:aws:iam::${RECEIVER.accountId}:role/nobody`, RoleSessionName: "x1" },
        },
    ];
    for (const c of DENIED) {
        it(`denies ${c.title}`, async () => {
            const { credentials, arn } = c.caller ?? {
                credentials: () => HUB,
                arn: `arn:aws:iam::${HUB.accountId}:root`,
            };
            const error = await expectAwsError(assume(await credentials(), c.input), "AccessDenied", 403);
            expect(error.message).to.equal(
                `User: ${arn} is not authorized to perform: sts:AssumeRole on resource: ${c.input.RoleArn}`,
            );
            expect(error.$fault).to.equal("client");
        });
    }

    // Each a ValidationError (400) with STS's words.
    const INVALID: {
        title: string;
        caller?: () => Promise<TestCredentials>;
        input: AssumeRoleCommandInput;
        message: string;
    }[] = [
        {
            title: "a one-letter session name",
            input: { RoleArn: RECEIVER_ROLE, RoleSessionName: "a" },
            message:
                "1 validation error detected: Value 'a' at 'roleSessionName' failed to satisfy constraint: " +
                "Member must have length greater than or equal to 2",
        },
        {
            title: "a session name with a slash",
            input: { RoleArn: RECEIVER_ROLE, RoleSessionName: "ci/main" },
            message: "Member must satisfy regular expression pattern: [\\w+=,.@-]*",
        },
        {
            title: "899 seconds",
            input: { RoleArn: RECEIVER_ROLE, RoleSessionName: "short", DurationSeconds: 899 },
            message: "Member must have value greater than or equal to 900",
        },
        {
            title: "43201 seconds",
            input: { RoleArn: RECEIVER_ROLE, RoleSessionName: "long", DurationSeconds: 43201 },
            message: "Member must have value less than or equal to 43200",
        },
        {
            title: "two violations",
            input: { RoleArn: "arn:aws:iam", RoleSessionName: "x" },
            message: "2 validation errors detected: Value 'arn:aws:iam' at 'roleArn'",
        },
        {
            title: "a role ARN that is no ARN",
            input: { RoleArn: "not-an-arn-but-long-enough", RoleSessionName: "x1" },
            message: "not-an-arn-but-long-enough is invalid",
        },
        // The hub's role keeps IAM's default maximum of one hour.
        {
            title: "more than the role's maximum",
            input: { RoleArn: HUB_ROLE, RoleSessionName: "x1", DurationSeconds: 7200 },
            message: "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.",
        },
        // The receiver's role allows 12 hours, but not to a chained session.
        {
            title: "a chained session over an hour",
            caller: () => session(HUB, HUB_ROLE),
            input: { RoleArn: RECEIVER_ROLE, RoleSessionName: "x1", DurationSeconds: 7200 },
            message: "exceeds the 1 hour session limit for roles assumed by role chaining.",
        },
    ];
    for (const c of INVALID) {
        it(`refuses ${c.title}`, async () => {
            const caller = c.caller ? await c.caller() : HUB;
            const error = await expectAwsError(assume(caller, c.input), "ValidationError", 400);
            expect(error.message).to.contain(c.message);
        });
    }

    it("gives the role up to its maximum session", async () => {
        const { Credentials } = await assume(HUB, { RoleArn: RECEIVER_ROLE, DurationSeconds: 43200 });
        const now = Date.parse((await emulator.admin.state()).now);
        expect(Credentials!.Expiration!.getTime() - now).to.be.within(43200_000 - 2000, 43200_000);
    });

    // Temporary credentials count only with their own session token.
    for (const [title, token] of [
        ["without", undefined],
        ["with a wrong", "not-the-token"],
    ] as const) {
        it(`refuses a temporary key ${title} session token`, async () => {
            const credentials = { ...(await session(HUB, RECEIVER_ROLE)), sessionToken: token };
            await expectAwsError(listInvitations(credentials), "UnrecognizedClientException", 403);
            await expectAwsError(callerIdentity(credentials), "InvalidClientTokenId", 403);
        });
    }

    it("refuses a temporary key signed with another secret", async () => {
        const credentials = { ...(await session(HUB, RECEIVER_ROLE)), secretAccessKey: "wrong" };
        await expectAwsError(listInvitations(credentials), "InvalidSignatureException", 403);
    });

    it("expires credentials on the emulator's clock", async () => {
        const answer = await assume(HUB, { RoleArn: RECEIVER_ROLE, DurationSeconds: 900 });
        const credentials = credentialsOf(answer);
        const now = Date.parse((await emulator.admin.state()).now);
        await emulator.admin.advanceClock(answer.Credentials!.Expiration!.getTime() - now - 2000);
        await listInvitations(credentials);

        await emulator.admin.advanceClock(2000);
        await expectAwsError(listInvitations(credentials), "ExpiredTokenException", 403);
        await expectAwsError(callerIdentity(credentials), "ExpiredToken", 403);
        const [shown] = (await emulator.admin.state()).sessions;
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
        const answer = await post(emulator.endpoint, "/", body, {
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
        const state = await emulator.admin.state();
        expect(state.roles.map((r) => r.roleArn)).to.deep.equal(SEED.roles!.map((r) => r.roleArn));
        expect(state.roles.find((r) => r.roleArn === EXTERNAL_ID_ROLE)).to.deep.equal({
            roleArn: EXTERNAL_ID_ROLE,
            roleId: seeded.roles.find((r) => r.roleArn === EXTERNAL_ID_ROLE)!.roleId,
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
        expect(await emulator.admin.issuedCredentials()).to.deep.equal([
            {
                ...state.sessions[0],
                secretAccessKey: Credentials!.SecretAccessKey,
                sessionToken: Credentials!.SessionToken,
            },
        ]);

        await emulator.admin.reset();
        const after = await emulator.admin.state();
        expect([after.roles, after.sessions, await emulator.admin.issuedCredentials()]).to.deep.equal([[], [], []]);
        await expectAwsError(listInvitations(credentialsOf(answer)), "UnrecognizedClientException", 403);
    });
});

/**
 * What STS AssumeRole refuses through the unmodified SDK: an untrusted caller or a wrong external id
 * (AccessDenied), a bad session name, duration or role ARN (ValidationError), and a temporary key
 * without its own session token or secret.
 */
import { AssumeRoleCommandInput } from "@aws-sdk/client-sts";
import { expect } from "chai";
import { expectAwsError, HUB, RECEIVER, TestCredentials } from "../helpers";
import {
    assume,
    callerIdentity,
    CHAINED_ROLE,
    EXTERNAL_ID_ROLE,
    HUB_ROLE,
    listInvitations,
    RECEIVER_ROLE,
    session,
    useAssumeRoleSeed,
} from "./assume-role-world";

describe("emulator: STS AssumeRole", () => {
    useAssumeRoleSeed();

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
});

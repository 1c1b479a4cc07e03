/**
 * What the suites of STS AssumeRole share: the roles of the seed (a chain, an external id, a GovCloud
 * role), the emulator and its seed afresh before each test, and the calls they make.
 */
import { GetResourceShareInvitationsCommand } from "@aws-sdk/client-ram";
import { AssumeRoleCommand, AssumeRoleCommandInput, GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { RunningEmulator, Seed, SeededState } from "../../../emulator";
import { emulatorPerSuite } from "../../support/emulator-suite";
import {
    BASIC_SEED,
    BYSTANDER,
    credentialsOf,
    HUB,
    OTHER,
    ramClient,
    RECEIVER,
    stsClient,
    TestCredentials,
} from "../helpers";

/** The receiver's role for the hub (and for the bystander, whose unsigned requests the raw test sends). */
export const RECEIVER_ROLE = `arn:aws:iam::${RECEIVER.accountId}:role/ram-invitations`;
/** A role in the hub's own account, the first step of a chain. */
export const HUB_ROLE = `arn:aws:iam::${HUB.accountId}:role/deployer`;
/** Trusts only sessions of {@link HUB_ROLE}, not the hub account itself; its name has a path. */
export const CHAINED_ROLE = `arn:aws:iam::${OTHER.accountId}:role/team/chained`;
export const EXTERNAL_ID_ROLE = `arn:aws:iam::${BYSTANDER.accountId}:role/with-external-id`;
export const EXTERNAL_ID = "hub-external-id";
export const GOV_ROLE = `arn:aws-us-gov:iam::${RECEIVER.accountId}:role/gov`;

export const SEED: Seed = {
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

/** The suite's emulator and what it seeded before the current test. */
export const sts = {} as { emulator: RunningEmulator; seeded: SeededState };

/** Starts an emulator for the suite and seeds {@link SEED} afresh before each test. */
export function useAssumeRoleSeed(): void {
    const suite = emulatorPerSuite();
    before(() => (sts.emulator = suite.emulator));
    beforeEach(async () => {
        sts.seeded = await sts.emulator.admin.seed(SEED);
    });
}

/** AssumeRole as `caller`; the session is named "test" unless `input` names it. */
export function assume(
    caller: TestCredentials,
    input: Omit<AssumeRoleCommandInput, "RoleSessionName"> & { RoleSessionName?: string },
) {
    return stsClient(sts.emulator.endpoint, caller).send(new AssumeRoleCommand({ RoleSessionName: "test", ...input }));
}

/** The temporary credentials of a new session of `roleArn`, assumed by `caller`. */
export async function session(caller: TestCredentials, roleArn: string, name = "test"): Promise<TestCredentials> {
    return credentialsOf(await assume(caller, { RoleArn: roleArn, RoleSessionName: name }));
}

export function invitationArn(receiver: string): string {
    return sts.seeded.resourceShares.find((s) => s.invitationArns[receiver])!.invitationArns[receiver];
}

export function listInvitations(credentials: TestCredentials, arns?: string[]) {
    return ramClient(sts.emulator.endpoint, credentials).send(
        new GetResourceShareInvitationsCommand({ resourceShareInvitationArns: arns }),
    );
}

export function callerIdentity(credentials: TestCredentials) {
    return stsClient(sts.emulator.endpoint, credentials).send(new GetCallerIdentityCommand({}));
}

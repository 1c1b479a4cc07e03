/**
 * Seeding: checking a {@link Seed} from outside against what is seeded already, and putting it
 * into the store, IAM and the organization. A seed is checked whole before anything is applied, so a bad one
 * changes nothing, and the refusal names every problem found, not just the first.
 */
import { EmulatorInputError } from "../input-error";
import { isPlainObject } from "../plain-object";
import { isAccountId, isRegionName, parseArn, parseRoleArn } from "./arns";
import type { Iam } from "./iam";
import type { Organizations } from "./organization";
import { checkOrganization } from "./organization-seed";
import { accountId, list, nonEmptyString, objects, optionalString, Problems } from "./seed-problems";
import type { Store } from "./store";
import type { Seed, SeedAccount, SeededState, SeedRole, SeedShare } from "./types";

/** What a seed goes into, and is checked against. */
export interface SeedTarget {
    store: Store;
    iam: Iam;
    organizations: Organizations;
}

/** A checked seed: every list there, even when empty. */
type CheckedSeed = Required<Pick<Seed, "accounts" | "roles" | "resourceShares">> &
    Pick<Seed, "pageSize" | "organization">;

/** STS's pattern and lengths for an external id. */
const EXTERNAL_ID_PATTERN = /^[\w+=,.@:/-]{2,1224}$/;
/** The range IAM allows for a role's maximum session duration, in seconds. */
const MAX_SESSION_RANGE = { min: 3600, max: 43200 };

function checkAccount(value: Record<string, unknown>, path: string, problems: Problems): SeedAccount {
    return {
        accountId: accountId(value.accountId, `${path}.accountId`, problems),
        accessKeyId: nonEmptyString(value.accessKeyId, `${path}.accessKeyId`, problems),
        secretAccessKey: optionalString(value.secretAccessKey, `${path}.secretAccessKey`, problems),
        name: optionalString(value.name, `${path}.name`, problems),
    };
}

function checkShare(value: Record<string, unknown>, path: string, problems: Problems): SeedShare {
    const name = nonEmptyString(value.name, `${path}.name`, problems);
    if (typeof value.region !== "string" || !isRegionName(value.region)) {
        problems.add(`${path}.region`, "a region like us-east-1, us-gov-west-1 or eusc-de-east-1");
    }
    const owner = accountId(value.ownerAccountId, `${path}.ownerAccountId`, problems);
    const principals = list(value.principals, `${path}.principals`, problems).map((p, i) => {
        const id = accountId(p, `${path}.principals[${i}]`, problems);
        if (id === owner) {
            problems.add(`${path}.principals[${i}]`, "another account than the share's owner");
        }
        return id;
    });
    const delay = value.invitationVisibleAfterMs;
    if (delay !== undefined && (typeof delay !== "number" || !Number.isFinite(delay) || delay < 0)) {
        problems.add(`${path}.invitationVisibleAfterMs`, "a number of milliseconds, 0 or more");
    }
    const associationDelay = value.associationDelayMs;
    if (
        associationDelay !== undefined &&
        (typeof associationDelay !== "number" || !Number.isFinite(associationDelay) || associationDelay < 0)
    ) {
        problems.add(`${path}.associationDelayMs`, "a number of milliseconds, 0 or more");
    }
    const resourceArns = list(value.resourceArns, `${path}.resourceArns`, problems).map((arn, i) => {
        if (typeof arn !== "string" || !parseArn(arn)) {
            problems.add(
                `${path}.resourceArns[${i}]`,
                "an ARN like arn:aws:ec2:us-east-1:111122223333:subnet/subnet-1",
            );
        }
        return arn as string;
    });
    return {
        name,
        ownerAccountId: owner,
        region: value.region as string,
        principals,
        resourceArns,
        invitationVisibleAfterMs: delay as number | undefined,
        associationDelayMs: associationDelay as number | undefined,
    };
}

/** A role on its own; whether its account and the roles it trusts are seeded is checked with the whole seed. */
function checkRole(value: Record<string, unknown>, path: string, problems: Problems): SeedRole {
    const { roleArn, externalId, maxSessionDurationSeconds: maxSession } = value;
    if (typeof roleArn !== "string" || parseRoleArn(roleArn) === undefined) {
        problems.add(`${path}.roleArn`, "an IAM role ARN like arn:aws:iam::111111111111:role/name");
    }
    const trustedPrincipals = list(value.trustedPrincipals, `${path}.trustedPrincipals`, problems, false);
    if (Array.isArray(value.trustedPrincipals) && trustedPrincipals.length === 0) {
        problems.add(`${path}.trustedPrincipals`, "a list of at least one principal");
    }
    trustedPrincipals.forEach((principal, i) => {
        if (typeof principal !== "string" || !(isAccountId(principal) || parseRoleArn(principal) !== undefined)) {
            problems.add(`${path}.trustedPrincipals[${i}]`, "a 12-digit account id or an IAM role ARN");
        }
    });
    if (externalId !== undefined && (typeof externalId !== "string" || !EXTERNAL_ID_PATTERN.test(externalId))) {
        problems.add(`${path}.externalId`, "2 to 1224 characters, each a letter, a digit or one of _+=,.@:/-");
    }
    const { min, max } = MAX_SESSION_RANGE;
    if (
        maxSession !== undefined &&
        !(Number.isInteger(maxSession) && Number(maxSession) >= min && Number(maxSession) <= max)
    ) {
        problems.add(`${path}.maxSessionDurationSeconds`, `a whole number of seconds from ${min} to ${max}`);
    }
    return {
        roleArn: roleArn as string,
        trustedPrincipals: trustedPrincipals as string[],
        externalId: externalId as string | undefined,
        maxSessionDurationSeconds: maxSession as number | undefined,
    };
}

/** An access key belongs to one account, in the seed and across seeds. */
function checkAccessKeys(accounts: SeedAccount[], target: SeedTarget, problems: Problems): void {
    const owners = new Map<string, string>();
    accounts.forEach((account, i) => {
        const owner =
            owners.get(account.accessKeyId) ?? target.store.accountForAccessKey(account.accessKeyId)?.accountId;
        if (owner !== undefined && owner !== account.accountId) {
            problems.add(`accounts[${i}].accessKeyId`, `an access key of no other account (account ${owner} has it)`);
        }
        owners.set(account.accessKeyId, account.accountId);
    });
}

/**
 * A role belongs to a seeded account, is listed once, and trusts only roles that are seeded (as IAM
 * refuses a trust policy naming a role that does not exist); a role may trust one later in the seed.
 */
function checkRoleReferences(seed: CheckedSeed, target: SeedTarget, problems: Problems): void {
    const accountIds = new Set([...target.store.listAccounts(), ...seed.accounts].map((a) => a.accountId));
    const roleArns = new Set([...target.iam.listRoles(), ...seed.roles].map((r) => r.roleArn));
    const seen = new Set<string>();
    seed.roles.forEach((role, i) => {
        role.trustedPrincipals.forEach((principal, j) => {
            if (typeof principal === "string" && parseRoleArn(principal) !== undefined && !roleArns.has(principal)) {
                problems.add(`roles[${i}].trustedPrincipals[${j}]`, `the ARN of a seeded role (${principal} is not)`);
            }
        });
        const account = parseRoleArn(role.roleArn)?.accountId;
        if (account === undefined) {
            return; // not a role ARN, a problem already noted
        }
        if (!accountIds.has(account)) {
            problems.add(`roles[${i}].roleArn`, `the ARN of a role of a seeded account (${account} is not seeded)`);
        }
        if (seen.has(role.roleArn)) {
            problems.add(`roles[${i}].roleArn`, "listed once in the seed");
        }
        seen.add(role.roleArn);
    });
}

/** Checks a seed from outside (a file, the admin API) against what `target` holds already. */
export function checkSeed(value: unknown, target: SeedTarget): Seed {
    if (!isPlainObject(value)) {
        throw new EmulatorInputError("seed must be a JSON object");
    }
    const problems = new Problems();
    const seed: CheckedSeed = {
        accounts: objects(value.accounts, "accounts", problems, checkAccount, false),
        roles: objects(value.roles, "roles", problems, checkRole),
        resourceShares: objects(value.resourceShares, "resourceShares", problems, checkShare),
    };
    const { pageSize } = value;
    if (pageSize !== undefined) {
        if (typeof pageSize !== "number" || !Number.isInteger(pageSize) || pageSize < 1 || pageSize > 500) {
            problems.add("pageSize", "an integer from 1 to 500 (the most items of one page of a list call)");
        }
        seed.pageSize = pageSize as number;
    }
    checkAccessKeys(seed.accounts, target, problems);
    checkRoleReferences(seed, target, problems);
    if (value.organization !== undefined) {
        const seededAccounts = new Set([...target.store.listAccounts(), ...seed.accounts].map((a) => a.accountId));
        seed.organization = checkOrganization(value.organization, seededAccounts, problems);
    }
    problems.throwIfAny();
    return seed;
}

/** Puts a checked seed into the store and IAM, and tells what was created. */
export function applySeed(target: SeedTarget, seed: Seed): SeededState {
    const { store, iam } = target;
    if (seed.pageSize !== undefined) {
        store.pageSize = seed.pageSize;
    }
    seed.accounts.forEach((account) => store.addAccount(account));
    if (seed.organization) {
        const names = new Map(store.listAccounts().map((a) => [a.accountId, a.name]));
        target.organizations.create(seed.organization, (id) => names.get(id));
    }
    const roles = (seed.roles ?? []).map((spec) => iam.putRole(spec));
    const resourceShares = (seed.resourceShares ?? []).map((spec) => {
        const { share, invitations } = store.createShare({ ...spec, principals: spec.principals ?? [] });
        return {
            resourceShareArn: share.resourceShareArn,
            name: share.name,
            ownerAccountId: share.ownerAccountId,
            region: share.region,
            invitationArns: Object.fromEntries(
                invitations.map((i) => [i.receiverAccountId, i.resourceShareInvitationArn]),
            ),
        };
    });
    return {
        accounts: seed.accounts.map(({ accountId, accessKeyId, name }) => ({ accountId, accessKeyId, name })),
        roles: roles.map(({ roleArn, roleId }) => ({ roleArn, roleId })),
        resourceShares,
    };
}

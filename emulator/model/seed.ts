/**
 * Seeding: checking a {@link Seed} from outside and putting it into the store. A seed is
 * checked whole before anything is applied, so a bad one changes nothing.
 */
import { EmulatorInputError } from "../input-error";
import { isPlainObject } from "../plain-object";
import { isAccountId, isRegionName } from "./arns";
import type { Store } from "./store";
import type { Seed, SeedAccount, SeededState, SeedShare } from "./types";

function fail(path: string, expected: string): never {
    throw new EmulatorInputError(`seed ${path} must be ${expected}`);
}

function optionalString(value: unknown, path: string): string | undefined {
    if (value !== undefined && typeof value !== "string") {
        fail(path, "a string");
    }
    return value;
}

function accountId(value: unknown, path: string): string {
    if (typeof value !== "string" || !isAccountId(value)) {
        fail(path, "a 12-digit account id");
    }
    return value;
}

function parseAccount(value: unknown, path: string): SeedAccount {
    if (!isPlainObject(value)) {
        fail(path, "an object");
    }
    if (typeof value.accessKeyId !== "string" || value.accessKeyId === "") {
        fail(`${path}.accessKeyId`, "a non-empty string");
    }
    return {
        accountId: accountId(value.accountId, `${path}.accountId`),
        accessKeyId: value.accessKeyId,
        secretAccessKey: optionalString(value.secretAccessKey, `${path}.secretAccessKey`),
        name: optionalString(value.name, `${path}.name`),
    };
}

function parseShare(value: unknown, path: string): SeedShare {
    if (!isPlainObject(value)) {
        fail(path, "an object");
    }
    if (typeof value.name !== "string" || value.name.trim() === "") {
        fail(`${path}.name`, "a non-empty string");
    }
    if (typeof value.region !== "string" || !isRegionName(value.region)) {
        fail(`${path}.region`, "a region like us-east-1, us-gov-west-1 or eusc-de-east-1");
    }
    const owner = accountId(value.ownerAccountId, `${path}.ownerAccountId`);
    if (value.principals !== undefined && !Array.isArray(value.principals)) {
        fail(`${path}.principals`, "a list");
    }
    const principals = ((value.principals ?? []) as unknown[]).map((p, i) => {
        const id = accountId(p, `${path}.principals[${i}]`);
        if (id === owner) {
            fail(`${path}.principals[${i}]`, "another account than the share's owner");
        }
        return id;
    });
    const delay = value.invitationVisibleAfterMs;
    if (delay !== undefined && (typeof delay !== "number" || !Number.isFinite(delay) || delay < 0)) {
        fail(`${path}.invitationVisibleAfterMs`, "a number of milliseconds, 0 or more");
    }
    return {
        name: value.name,
        ownerAccountId: owner,
        region: value.region,
        principals,
        invitationVisibleAfterMs: delay,
    };
}

/** Checks a seed from outside (a file, the admin API). */
export function parseSeed(value: unknown): Seed {
    if (!isPlainObject(value)) {
        fail("", "a JSON object");
    }
    if (!Array.isArray(value.accounts)) {
        fail("accounts", "a list");
    }
    if (value.resourceShares !== undefined && !Array.isArray(value.resourceShares)) {
        fail("resourceShares", "a list");
    }
    return {
        accounts: value.accounts.map((a, i) => parseAccount(a, `accounts[${i}]`)),
        resourceShares: ((value.resourceShares ?? []) as unknown[]).map((s, i) =>
            parseShare(s, `resourceShares[${i}]`),
        ),
    };
}

/** Puts a checked seed into the store and tells what was created. */
export function applySeed(store: Store, seed: Seed): SeededState {
    const byAccessKey = new Map<string, string>();
    for (const account of seed.accounts) {
        const owner = byAccessKey.get(account.accessKeyId) ?? store.accountForAccessKey(account.accessKeyId)?.accountId;
        if (owner !== undefined && owner !== account.accountId) {
            throw new EmulatorInputError(`seed access key ${account.accessKeyId} already belongs to account ${owner}`);
        }
        byAccessKey.set(account.accessKeyId, account.accountId);
    }
    seed.accounts.forEach((account) => store.addAccount(account));
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
        resourceShares,
    };
}

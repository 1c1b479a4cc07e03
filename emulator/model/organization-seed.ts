/**
 * Checking the organization of a seed: ids of the forms Organizations gives them, every parent
 * the root or a listed OU (in any order, without cycles), each id listed once, a management
 * account that can call (a seeded one), and delegated administrators that are members.
 */
import { isPlainObject } from "../plain-object";
import { isAccountId } from "./arns";
import { ORGANIZATION_ID_PATTERN, ORGANIZATIONAL_UNIT_ID_PATTERN, ROOT_ID_PATTERN } from "./organization-ids";
import { accountId, list, nonEmptyString, objects, optionalString, Problems } from "./seed-problems";
import type {
    OrganizationAccountStatus,
    SeedOrganization,
    SeedOrganizationAccount,
    SeedOrganizationalUnit,
} from "./types";

const STATUSES: readonly OrganizationAccountStatus[] = ["ACTIVE", "SUSPENDED", "PENDING_CLOSURE"];

function patterned(value: unknown, pattern: RegExp, path: string, expected: string, problems: Problems): string {
    if (typeof value !== "string" || !pattern.test(value)) {
        problems.add(path, expected);
    }
    return value as string;
}

const OU_ID = "an OU id: ou-, 4 to 32 lower-case letters or digits, -, 8 to 32 more";

function checkOrganizationalUnit(
    value: Record<string, unknown>,
    path: string,
    problems: Problems,
): SeedOrganizationalUnit {
    return {
        id: patterned(value.id, ORGANIZATIONAL_UNIT_ID_PATTERN, `${path}.id`, OU_ID, problems),
        name: nonEmptyString(value.name, `${path}.name`, problems),
        parentId: nonEmptyString(value.parentId, `${path}.parentId`, problems),
    };
}

function checkMember(value: Record<string, unknown>, path: string, problems: Problems): SeedOrganizationAccount {
    const { status } = value;
    if (status !== undefined && !STATUSES.includes(status as OrganizationAccountStatus)) {
        problems.add(`${path}.status`, `one of ${STATUSES.join(", ")}`);
    }
    return {
        id: accountId(value.id, `${path}.id`, problems),
        parentId: nonEmptyString(value.parentId, `${path}.parentId`, problems),
        status: status as OrganizationAccountStatus | undefined,
        name: optionalString(value.name, `${path}.name`, problems),
        email: optionalString(value.email, `${path}.email`, problems),
    };
}

/** Notes an id listed twice under `path`. */
function checkListedOnce(ids: string[], path: string, field: string, problems: Problems): void {
    const seen = new Set<string>();
    ids.forEach((id, i) => {
        if (seen.has(id)) {
            problems.add(`${path}[${i}].${field}`, `listed once (${id} is listed before)`);
        }
        seen.add(id);
    });
}

/** Every OU hangs from the root through OUs of the seed: parents known, and no OU its own ancestor. */
function checkTree(organization: SeedOrganization, problems: Problems): void {
    const units = organization.organizationalUnits ?? [];
    const parentOf = new Map(units.map((ou) => [ou.id, ou.parentId]));
    const isParent = (id: string) => id === organization.rootId || parentOf.has(id);
    units.forEach((ou, i) => {
        if (!isParent(ou.parentId)) {
            problems.add(`organization.organizationalUnits[${i}].parentId`, "the root id or the id of a listed OU");
            return;
        }
        const visited = new Set<string>([ou.id]);
        for (let id = ou.parentId; id !== organization.rootId && parentOf.has(id); id = parentOf.get(id)!) {
            if (visited.has(id)) {
                problems.add(
                    `organization.organizationalUnits[${i}].parentId`,
                    "a parent that is not its own descendant",
                );
                return;
            }
            visited.add(id);
        }
    });
    (organization.accounts ?? []).forEach((account, i) => {
        if (!isParent(account.parentId)) {
            problems.add(`organization.accounts[${i}].parentId`, "the root id or the id of a listed OU");
        }
    });
}

/**
 * Checks `value` (a seed's `organization`) against the accounts seeded so far and in this seed;
 * the problems go into `problems`.
 */
export function checkOrganization(
    value: unknown,
    seededAccounts: ReadonlySet<string>,
    problems: Problems,
): SeedOrganization | undefined {
    if (!isPlainObject(value)) {
        problems.add("organization", "an object");
        return undefined;
    }
    const path = "organization";
    const organization: SeedOrganization = {
        id: patterned(
            value.id,
            ORGANIZATION_ID_PATTERN,
            `${path}.id`,
            "o- and 10 to 32 lower-case letters or digits",
            problems,
        ),
        managementAccountId: accountId(value.managementAccountId, `${path}.managementAccountId`, problems),
        rootId: patterned(
            value.rootId,
            ROOT_ID_PATTERN,
            `${path}.rootId`,
            "r- and 4 to 32 lower-case letters or digits",
            problems,
        ),
        delegatedAdministrators: list(value.delegatedAdministrators, `${path}.delegatedAdministrators`, problems).map(
            (id, i) => accountId(id, `${path}.delegatedAdministrators[${i}]`, problems),
        ),
        organizationalUnits: objects(
            value.organizationalUnits,
            `${path}.organizationalUnits`,
            problems,
            checkOrganizationalUnit,
        ),
        accounts: objects(value.accounts, `${path}.accounts`, problems, checkMember),
    };
    const { managementAccountId, delegatedAdministrators = [], organizationalUnits = [], accounts = [] } = organization;
    if (isAccountId(String(managementAccountId)) && !seededAccounts.has(managementAccountId)) {
        problems.add(
            `${path}.managementAccountId`,
            `a seeded account, so that it can call (${managementAccountId} is not)`,
        );
    }
    checkListedOnce(
        organizationalUnits.map((ou) => ou.id),
        `${path}.organizationalUnits`,
        "id",
        problems,
    );
    checkListedOnce(
        accounts.map((a) => a.id),
        `${path}.accounts`,
        "id",
        problems,
    );
    const members = new Set([managementAccountId, ...accounts.map((a) => a.id)]);
    delegatedAdministrators.forEach((id, i) => {
        if (!isAccountId(String(id))) {
            return; // a problem already noted
        }
        if (id === managementAccountId) {
            problems.add(`${path}.delegatedAdministrators[${i}]`, "a member account, not the management account");
        } else if (!members.has(id)) {
            problems.add(
                `${path}.delegatedAdministrators[${i}]`,
                `an account listed in organization.accounts (${id} is not)`,
            );
        }
    });
    checkTree(organization, problems);
    return organization;
}

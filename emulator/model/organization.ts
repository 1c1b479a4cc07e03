/**
 * The AWS Organization (one at most): its root, organizational units and accounts, who may
 * read it, how Organizations describes each part (the model gives its own wire shape, as moto's
 * backends do), and the changes the admin API makes between two runs. No HTTP in here.
 */
import type {
    Account,
    OrganizationalUnit,
    Organization as OrganizationDescription,
    Root,
} from "@aws-sdk/client-organizations";
import { EmulatorInputError } from "../input-error";
import { isAccountId } from "./arns";
import type { Clock } from "./clock";
import { newOrganizationalUnitId, organizationArns } from "./organization-ids";
import type { OrganizationAccountStatus, SeedOrganization } from "./types";

/** An account of the organization as stored. */
export interface OrganizationAccountRecord {
    id: string;
    parentId: string;
    status: OrganizationAccountStatus;
    name: string;
    email: string;
    /**
     * CREATED for accounts seeded into the organization, INVITED for the management account and
     * those that joined later.
     */
    joinedMethod: "CREATED" | "INVITED";
    joinedAtMs: number;
}

/** An organizational unit as stored. */
export interface OrganizationalUnitRecord {
    id: string;
    name: string;
    parentId: string;
}

/** The organization as stored, and as the state file keeps it. */
export interface OrganizationRecord {
    id: string;
    managementAccountId: string;
    rootId: string;
    delegatedAdministrators: string[];
    organizationalUnits: OrganizationalUnitRecord[];
    /** In the order they joined: the order ListAccounts answers in. */
    accounts: OrganizationAccountRecord[];
}

/** What a new member brings: where it goes and, optionally, how it is named. */
export interface JoiningAccount {
    accountId: string;
    /** Default: the root. */
    parentId?: string;
    name?: string;
    email?: string;
}

/** Seeded accounts' names, for the default name of a member. */
export type AccountNames = (accountId: string) => string | undefined;

/** The organization, its parts and its changes. */
export class Organizations {
    private organization: OrganizationRecord | undefined;

    constructor(private readonly clock: Clock) {}

    /** The organization, or undefined when none is seeded. */
    get current(): OrganizationRecord | undefined {
        return this.organization;
    }

    /** Replaces the organization with a checked seed; the management account sits in the root unless placed. */
    create(seed: SeedOrganization, names: AccountNames): void {
        const joinedAtMs = this.clock.now();
        const { managementAccountId, rootId } = seed;
        const listed = seed.accounts ?? [];
        const placed = listed.some((a) => a.id === managementAccountId);
        const members = [...(placed ? [] : [{ id: managementAccountId, parentId: rootId }]), ...listed];
        const accounts = members.map(({ id, ...given }) => ({
            ...newMember(
                { accountId: id, ...given },
                names,
                id === managementAccountId ? "INVITED" : "CREATED",
                joinedAtMs,
            ),
            ...("status" in given && given.status !== undefined && { status: given.status }),
        }));
        this.organization = {
            id: seed.id,
            managementAccountId,
            rootId,
            delegatedAdministrators: [...(seed.delegatedAdministrators ?? [])],
            organizationalUnits: (seed.organizationalUnits ?? []).map((ou) => ({ ...ou })),
            accounts,
        };
    }

    /** The organization `accountId` is a member of (the management account is one), if any. */
    organizationOf(accountId: string): OrganizationRecord | undefined {
        return this.organization?.accounts.some((a) => a.id === accountId) ? this.organization : undefined;
    }

    /**
     * Whether `accountId` may list and describe the organization's accounts and OUs: its management
     * account or a delegated administrator.
     */
    mayReadStructure(organization: OrganizationRecord, accountId: string): boolean {
        return (
            organization.managementAccountId === accountId || organization.delegatedAdministrators.includes(accountId)
        );
    }

    /** Whether `id` names the root or an OU of the organization. */
    isParent(organization: OrganizationRecord, id: string): boolean {
        return id === organization.rootId || organization.organizationalUnits.some((ou) => ou.id === id);
    }

    describeOrganization(organization: OrganizationRecord): OrganizationDescription {
        const arns = organizationArns(organization);
        const management = organization.accounts.find((a) => a.id === organization.managementAccountId);
        return {
            Id: organization.id,
            Arn: arns.organization,
            FeatureSet: "ALL",
            MasterAccountArn: arns.account(organization.managementAccountId),
            MasterAccountId: organization.managementAccountId,
            MasterAccountEmail: management?.email,
            // Deprecated in the API, still answered: the policy types of an organization with all features.
            AvailablePolicyTypes: [{ Type: "SERVICE_CONTROL_POLICY", Status: "ENABLED" }],
        };
    }

    describeRoot(organization: OrganizationRecord): Root {
        return { Id: organization.rootId, Arn: organizationArns(organization).root, Name: "Root", PolicyTypes: [] };
    }

    describeAccount(organization: OrganizationRecord, account: OrganizationAccountRecord): Account {
        return {
            Id: account.id,
            Arn: organizationArns(organization).account(account.id),
            Email: account.email,
            Name: account.name,
            Status: account.status,
            State: account.status,
            Paths: [`${this.pathOf(organization, account.parentId)}${account.id}/`],
            JoinedMethod: account.joinedMethod,
            JoinedTimestamp: new Date(account.joinedAtMs),
        };
    }

    describeOrganizationalUnit(organization: OrganizationRecord, ou: OrganizationalUnitRecord): OrganizationalUnit {
        return {
            Id: ou.id,
            Arn: organizationArns(organization).organizationalUnit(ou.id),
            Name: ou.name,
            Path: this.pathOf(organization, ou.id),
        };
    }

    /** `o-…/r-…/ou-…/…/`: the path Organizations gives down to a parent (the root or an OU). */
    private pathOf(organization: OrganizationRecord, parentId: string): string {
        const chain: string[] = [];
        for (let id: string | undefined = parentId; id !== undefined && id !== organization.rootId;) {
            chain.unshift(id);
            id = organization.organizationalUnits.find((ou) => ou.id === id)?.parentId;
        }
        return [organization.id, organization.rootId, ...chain].map((part) => `${part}/`).join("");
    }

    /** An account joins the organization, as if it had accepted a handshake. */
    join(joining: JoiningAccount, names: AccountNames): OrganizationAccountRecord {
        const organization = this.required();
        if (!isAccountId(joining.accountId)) {
            throw new EmulatorInputError("accountId must be a 12-digit account id");
        }
        if (organization.accounts.some((a) => a.id === joining.accountId)) {
            throw new EmulatorInputError(`account ${joining.accountId} is already in the organization`);
        }
        const account = newMember(
            { ...joining, parentId: this.parent(organization, joining.parentId ?? organization.rootId) },
            names,
            "INVITED",
            this.clock.now(),
        );
        organization.accounts.push(account);
        return account;
    }

    /** Suspends, reactivates or starts closing an account of the organization. */
    setStatus(accountId: string, status: OrganizationAccountStatus): OrganizationAccountRecord {
        const account = this.member(accountId);
        account.status = status;
        return account;
    }

    /** Moves an account to another parent (the root or an OU). */
    move(accountId: string, parentId: string): OrganizationAccountRecord {
        const account = this.member(accountId);
        account.parentId = this.parent(this.required(), parentId);
        return account;
    }

    /** An account leaves the organization (the management account cannot, as in Organizations). */
    leave(accountId: string): void {
        const organization = this.required();
        this.member(accountId);
        if (accountId === organization.managementAccountId) {
            throw new EmulatorInputError("the management account cannot leave its organization");
        }
        organization.accounts = organization.accounts.filter((a) => a.id !== accountId);
        organization.delegatedAdministrators = organization.delegatedAdministrators.filter((id) => id !== accountId);
    }

    /** Creates an OU under a parent; its id is made up as Organizations makes them unless given. */
    createOrganizationalUnit(name: string, parentId: string, id?: string): OrganizationalUnitRecord {
        const organization = this.required();
        const ou = {
            id: id ?? newOrganizationalUnitId(organization.rootId),
            name,
            parentId: this.parent(organization, parentId),
        };
        if (this.isParent(organization, ou.id)) {
            throw new EmulatorInputError(`the organization has a root or OU ${ou.id} already`);
        }
        organization.organizationalUnits.push(ou);
        return ou;
    }

    clear(): void {
        this.organization = undefined;
    }

    snapshot(): OrganizationRecord | undefined {
        return this.organization;
    }

    restore(snapshot: OrganizationRecord | undefined): void {
        this.organization = snapshot;
    }

    private required(): OrganizationRecord {
        if (!this.organization) {
            throw new EmulatorInputError("no organization is seeded");
        }
        return this.organization;
    }

    private member(accountId: string): OrganizationAccountRecord {
        const account = this.required().accounts.find((a) => a.id === accountId);
        if (!account) {
            throw new EmulatorInputError(`account ${accountId} is not in the organization`);
        }
        return account;
    }

    private parent(organization: OrganizationRecord, parentId: string): string {
        if (!this.isParent(organization, parentId)) {
            throw new EmulatorInputError(`the organization has no root or OU ${parentId}`);
        }
        return parentId;
    }
}

function newMember(
    joining: JoiningAccount & { parentId: string },
    names: AccountNames,
    joinedMethod: OrganizationAccountRecord["joinedMethod"],
    joinedAtMs: number,
): OrganizationAccountRecord {
    return {
        id: joining.accountId,
        parentId: joining.parentId,
        status: "ACTIVE",
        name: joining.name ?? names(joining.accountId) ?? `account-${joining.accountId}`,
        email: joining.email ?? `${joining.accountId}@example.com`,
        joinedMethod,
        joinedAtMs,
    };
}

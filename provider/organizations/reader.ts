/**
 * The five AWS Organizations reads an allow list needs, each through the SDK's paginator (every
 * page), behind an interface so that resolution (./resolution.ts) is pure logic over them.
 */
import {
    AccountState,
    AccountStatus,
    DescribeOrganizationCommand,
    OrganizationsClient,
    paginateListAccounts,
    paginateListAccountsForParent,
    paginateListOrganizationalUnitsForParent,
    paginateListRoots,
    type Account,
} from "@aws-sdk/client-organizations";
import type { AwsCredentialIdentityProvider } from "@aws-sdk/types";
import { ORGANIZATIONS_POLICY } from "../defaults";
import { AwsSettings, withStandardRetryOverrides } from "../ram/clients";
import { renewExpiredCredentials } from "../ram/role-access";
import { silenceNodeVersionNotice } from "../ram/sdk-notices";

/** An account of the organization: only an ACTIVE one may be an allowed sender. */
export interface OrganizationAccount {
    id: string;
    active: boolean;
}

export interface OrganizationReader {
    /** The organization the reading credentials belong to. */
    describeOrganization(): Promise<{ id: string; managementAccountId?: string }>;
    /** The ids of the organization's roots (one, in every organization today). */
    listRoots(): Promise<string[]>;
    /** The ids of the OUs directly under `parentId` (a root or an OU). */
    listChildOUs(parentId: string): Promise<string[]>;
    /** The accounts directly under `parentId`. */
    listAccountsForParent(parentId: string): Promise<OrganizationAccount[]>;
    /** Every account of the organization. */
    listAccounts(): Promise<OrganizationAccount[]>;
}

/**
 * The reader over the real service. Organizations has one endpoint per partition (us-east-1 for
 * `aws`); the SDK resolves it from any region of the partition, and honours
 * AWS_ENDPOINT_URL_ORGANIZATIONS (or the provider's `endpoints.organizations`).
 */
export class SdkOrganizationReader implements OrganizationReader {
    private readonly client: OrganizationsClient;

    constructor(region: string, settings: AwsSettings, credentials: AwsCredentialIdentityProvider | undefined) {
        silenceNodeVersionNotice();
        this.client = new OrganizationsClient({
            region,
            profile: settings.profile,
            ...(settings.endpoints?.organizations ? { endpoint: settings.endpoints.organizations } : {}),
            ...(credentials ? { credentials } : {}),
            ...withStandardRetryOverrides(ORGANIZATIONS_POLICY),
        });
        if (credentials) {
            renewExpiredCredentials(this.client, credentials);
        }
    }

    async describeOrganization(): Promise<{ id: string; managementAccountId?: string }> {
        const { Organization } = await this.client.send(new DescribeOrganizationCommand({}));
        return { id: Organization?.Id ?? "", managementAccountId: Organization?.MasterAccountId };
    }

    async listRoots(): Promise<string[]> {
        const ids: string[] = [];
        for await (const page of paginateListRoots({ client: this.client }, {})) {
            ids.push(...(page.Roots ?? []).flatMap((root) => (root.Id ? [root.Id] : [])));
        }
        return ids;
    }

    async listChildOUs(parentId: string): Promise<string[]> {
        const ids: string[] = [];
        for await (const page of paginateListOrganizationalUnitsForParent(
            { client: this.client },
            { ParentId: parentId },
        )) {
            ids.push(...(page.OrganizationalUnits ?? []).flatMap((ou) => (ou.Id ? [ou.Id] : [])));
        }
        return ids;
    }

    async listAccountsForParent(parentId: string): Promise<OrganizationAccount[]> {
        const accounts: OrganizationAccount[] = [];
        for await (const page of paginateListAccountsForParent({ client: this.client }, { ParentId: parentId })) {
            accounts.push(...(page.Accounts ?? []).flatMap(asOrganizationAccount));
        }
        return accounts;
    }

    async listAccounts(): Promise<OrganizationAccount[]> {
        const accounts: OrganizationAccount[] = [];
        for await (const page of paginateListAccounts({ client: this.client }, {})) {
            accounts.push(...(page.Accounts ?? []).flatMap(asOrganizationAccount));
        }
        return accounts;
    }
}

/**
 * `State` is the field AWS now documents (ACTIVE, SUSPENDED, PENDING_CLOSURE, CLOSED, ...); the
 * deprecated `Status` is what older endpoints send alone. Either must say ACTIVE.
 */
function asOrganizationAccount(account: Account): OrganizationAccount[] {
    if (!account.Id) {
        return [];
    }
    const active =
        account.State !== undefined ? account.State === AccountState.ACTIVE : account.Status === AccountStatus.ACTIVE;
    return [{ id: account.Id, active }];
}

/**
 * What each organization target of an allow list stands for: its ACTIVE accounts, read through an
 * OrganizationReader. Pure logic over the reader; every read is made once per resolution (an OU
 * named by two policies, or nested in a root another policy names, is read once), and any read
 * that fails fails the whole resolution: an allow list is never used without the accounts it names.
 */
import { ParentNotFoundException } from "@aws-sdk/client-organizations";
import { errorName } from "../ram/errors";
import { describeOrganizationsError, OrganizationReadError } from "./errors";
import type { OrganizationAccount, OrganizationReader } from "./reader";
import { describeTarget, kindOfTarget } from "./targets";

/** Each target's ACTIVE accounts (12-digit ids, sorted): plain data, so it can go into a summary. */
export type ResolvedTargets = Record<string, string[]>;

/** The organization as the reading credentials see it. */
interface Organization {
    id: string;
    managementAccountId?: string;
}

/**
 * One organization, as one identity reads it. `through` names that identity in every message
 * ("the provider's credentials", "role arn:…").
 */
export class OrganizationResolution {
    private readonly reads: Record<string, Promise<unknown>>;

    // No field initializers: Pulumi's closure serializer rebuilds a class from its constructor's text.
    constructor(
        private readonly reader: OrganizationReader,
        readonly through: string,
    ) {
        this.reads = {};
    }

    /** The ACTIVE accounts of every target, or an OrganizationReadError that says what could not be read. */
    async resolve(targets: readonly string[]): Promise<ResolvedTargets> {
        const organization = await this.organization();
        const resolved = await Promise.all(
            targets.map(async (target) => [target, activeIds(await this.accountsOf(target, organization))] as const),
        );
        return Object.fromEntries(resolved);
    }

    private organization(): Promise<Organization> {
        return this.once("organization", "the organization (DescribeOrganization)", () =>
            this.reader.describeOrganization(),
        );
    }

    private async accountsOf(target: string, organization: Organization): Promise<OrganizationAccount[]> {
        switch (kindOfTarget(target)) {
            case "organization":
                if (target !== organization.id) {
                    throw new OrganizationReadError(
                        `organization ${target} is not the one ${this.through} reads (${organization.id}): an allow ` +
                            `list names the reader's own organization, its root and its OUs. Name ` +
                            `${organization.id}, or give organizationRoleArn a role in ${target}'s management ` +
                            `account or a delegated administrator of it.`,
                    );
                }
                return this.once("accounts", `the accounts of organization ${target} (ListAccounts)`, () =>
                    this.reader.listAccounts(),
                );
            case "root": {
                const roots = await this.once("roots", `the roots of organization ${organization.id} (ListRoots)`, () =>
                    this.reader.listRoots(),
                );
                if (!roots.includes(target)) {
                    throw new OrganizationReadError(
                        `root ${target} is not a root of organization ${organization.id} (its roots: ` +
                            `${roots.join(", ") || "none"}), as ${this.through} reads it. Name its root, or give ` +
                            `organizationRoleArn a role in the organization ${target} belongs to.`,
                    );
                }
                return this.subtree(target, organization);
            }
            case "ou":
                return this.subtree(target, organization);
            default:
                // The arguments' offline checks let no other id through.
                throw new OrganizationReadError(`${JSON.stringify(target)} is not an organization, root or OU id`);
        }
    }

    /** The accounts under `parentId` and under every OU nested in it. */
    private subtree(parentId: string, organization: Organization): Promise<OrganizationAccount[]> {
        return this.once(`subtree ${parentId}`, "", async () => {
            const [accounts, children] = await Promise.all([
                this.underParent("accounts", parentId, organization, () => this.reader.listAccountsForParent(parentId)),
                this.underParent("OUs", parentId, organization, () => this.reader.listChildOUs(parentId)),
            ]);
            const nested = await Promise.all(children.map((child) => this.subtree(child, organization)));
            return [...accounts, ...nested.flat()];
        });
    }

    /** A read under `parentId`, where Organizations' ParentNotFoundException means the id names nothing. */
    private underParent<T>(
        what: "accounts" | "OUs",
        parentId: string,
        organization: Organization,
        read: () => Promise<T>,
    ): Promise<T> {
        const operation = what === "accounts" ? "ListAccountsForParent" : "ListOrganizationalUnitsForParent";
        return this.once(`${what} ${parentId}`, `the ${what} of ${describeTarget(parentId)} (${operation})`, () =>
            read().catch((error: unknown) => {
                if (errorName(error) === ParentNotFoundException.name) {
                    throw new OrganizationReadError(
                        `${describeTarget(parentId)} does not exist in organization ${organization.id}, as ` +
                            `${this.through} reads it (${ParentNotFoundException.name}). Check the id ` +
                            `(\`aws organizations ` +
                            `list-organizational-units-for-parent --parent-id <root or OU>\` lists them), or give ` +
                            `organizationRoleArn a role in the organization it belongs to.`,
                        error,
                    );
                }
                throw error;
            }),
        );
    }

    /**
     * `read`, made once under `key`: its answer, or an OrganizationReadError naming `what`. A failure
     * is kept too, so that every policy of the run refuses alike, whatever the timing.
     */
    private once<T>(key: string, what: string, read: () => Promise<T>): Promise<T> {
        this.reads[key] ??= read().catch((error: unknown) => {
            if (error instanceof OrganizationReadError) {
                throw error;
            }
            throw new OrganizationReadError(describeOrganizationsError(error, what, this.through), error);
        });
        return this.reads[key] as Promise<T>;
    }
}

function activeIds(accounts: OrganizationAccount[]): string[] {
    return [...new Set(accounts.filter((account) => account.active).map((account) => account.id))].sort();
}

/**
 * AWS Organizations' ids and ARNs. The id patterns are the ones the Organizations API reference
 * gives for each parameter; ARNs have no region and always name the management account:
 * `arn:aws:organizations::<management>:organization/o-…`, `…:root/o-…/r-…`, `…:ou/o-…/ou-…`,
 * `…:account/o-…/<account id>`. Organizations is a global service of the `aws` partition.
 */
import { randomBytes } from "node:crypto";

export const ORGANIZATION_ID_PATTERN = /^o-[a-z0-9]{10,32}$/;
export const ROOT_ID_PATTERN = /^r-[0-9a-z]{4,32}$/;
export const ORGANIZATIONAL_UNIT_ID_PATTERN = /^ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}$/;

/** Whether `value` has the form of a root or an OU id: what a `ParentId` may be. */
export function isParentId(value: string): boolean {
    return ROOT_ID_PATTERN.test(value) || ORGANIZATIONAL_UNIT_ID_PATTERN.test(value);
}

/** The ARNs of one organization, all under its management account. */
export interface OrganizationArns {
    organization: string;
    root: string;
    organizationalUnit(id: string): string;
    account(id: string): string;
}

export function organizationArns(organization: {
    id: string;
    managementAccountId: string;
    rootId: string;
}): OrganizationArns {
    const prefix = `arn:aws:organizations::${organization.managementAccountId}`;
    return {
        organization: `${prefix}:organization/${organization.id}`,
        root: `${prefix}:root/${organization.id}/${organization.rootId}`,
        organizationalUnit: (id) => `${prefix}:ou/${organization.id}/${id}`,
        account: (id) => `${prefix}:account/${organization.id}/${id}`,
    };
}

/** A new OU id, as Organizations makes them: the root's suffix, then 8 random lower-case letters and digits. */
export function newOrganizationalUnitId(rootId: string): string {
    const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
    const suffix = [...randomBytes(8)].map((byte) => alphabet[byte % alphabet.length]).join("");
    return `ou-${rootId.slice("r-".length)}-${suffix}`;
}

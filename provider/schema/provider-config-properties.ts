/**
 * The provider's configuration: `ram-invitations:<key>` stack config for the default provider, or
 * an explicit provider's inputs. Honoured by every resource, function and component of that provider.
 */
import { ROLE_INPUTS } from "./answer-properties";
import type { ObjectType, PropertyTable } from "./property-types";
import { PACKAGE_NAME } from "./tokens";

export const ENDPOINTS_TYPE = {
    token: `${PACKAGE_NAME}:index:Endpoints`,
    description: "Endpoints that replace AWS's own, per service.",
    properties: {
        ram: { type: "string", description: "The RAM endpoint, e.g. `https://ram.us-east-1.amazonaws.com`." },
        sts: { type: "string", description: "The STS endpoint, used for AssumeRole and GetCallerIdentity." },
        organizations: {
            type: "string",
            description: "The AWS Organizations endpoint, read for a policy's `allowedOrganizationTargets`.",
        },
    },
} as const satisfies ObjectType;

export const PROVIDER_CONFIG = {
    region: {
        type: "string",
        description:
            "The region of calls that name none: `getInvitations` without `region`, a policy without `regions`. " +
            "(Rejections and acceptances always act in their invitation's region.) The plugin is not handed " +
            "`aws:region`; set this instead.",
    },
    profile: {
        type: "string",
        description:
            "The shared-config profile (~/.aws/config, ~/.aws/credentials) whose credentials sign every call, and " +
            "every AssumeRole. Default: the AWS SDK's standard chain (AWS_PROFILE, environment variables, SSO, web " +
            "identity, container and instance roles). The plugin is not handed `aws:profile`; set this instead.",
    },
    endpoints: {
        type: "ref",
        to: ENDPOINTS_TYPE,
        description:
            "Endpoints that replace AWS's own, per service (a VPC endpoint, or a local emulator). Default: the SDK's " +
            "standard overrides (AWS_ENDPOINT_URL_RAM, AWS_ENDPOINT_URL_STS, AWS_ENDPOINT_URL_ORGANIZATIONS, " +
            "AWS_ENDPOINT_URL).",
    },
    roleArn: {
        type: "string",
        description:
            "A role every resource, function and policy of this provider acts through unless it gives a `roleArn` " +
            "of its own, e.g. `arn:aws:iam::222222222222:role/ram-invitations` (STS AssumeRole from the profile's " +
            "or the standard chain's credentials). One explicit provider per account is how a program reaches many.",
    },
    externalId: ROLE_INPUTS.externalId,
    roleSessionName: ROLE_INPUTS.roleSessionName,
    allowedAccountIds: {
        type: "array",
        items: { type: "string" },
        description:
            "The only accounts (12-digit ids) this provider may act in. Any other is refused before a RAM request " +
            "is sent: a role's account is read from its ARN, the standard chain's is asked of STS GetCallerIdentity.",
    },
} as const satisfies PropertyTable;

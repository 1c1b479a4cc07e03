/**
 * The plugin's schema: the public contract of every SDK generated from it (`pulumi package
 * gen-sdk`) and of Pulumi YAML programs. test/unit/plugin/schema.test.ts holds it to the
 * implementation: a property here and not in the provider (or the other way round) fails.
 */
import { GET_INVITATIONS_TOKEN } from "./invitations-function";
import { POLICY_TOKEN } from "./policy-component";
import type { ProviderConfigKey } from "../core/provider-config-keys";
import { ACCEPTANCE_TOKEN, REJECTION_TOKEN } from "./answer-resource";

export const PACKAGE_NAME = "ram-invitations";

/** The repository as GitHub names it: its releases carry the plugin archives. */
export const GITHUB_REPOSITORY = "pulumi-ram-invitations/pulumi-ram-invitations";
const REPOSITORY_URL = `https://github.com/${GITHUB_REPOSITORY}`;
/** The Go SDK's module: the repository's sdk/ folder, as Go names a module in a subfolder. */
export const GO_MODULE = `github.com/${GITHUB_REPOSITORY}/sdk`;

type Property =
    | { type: "string" | "number" | "integer" | "boolean"; description: string; secret?: boolean }
    | { $ref: string; description: string }
    | { type: "array"; items: { type: "string" } | { $ref: string }; description: string }
    | {
          type: "object";
          additionalProperties: { $ref: string } | { type: "integer" | "string" };
          description: string;
      };

const ARN_INPUTS: Record<string, Property> = {
    invitationArn: {
        type: "string",
        description:
            "ARN of the resource-share invitation to reject, as the receiving account sees it, e.g. " +
            "`arn:aws:ram:us-east-1:111122223333:resource-share-invitation/7ab63972-...`. The call is made in the " +
            "ARN's region. Give this or `resourceShareArn`. Changing it replaces the resource (the old invitation " +
            "stays rejected).",
    },
    resourceShareArn: {
        type: "string",
        description:
            "ARN of the resource share whose invitation to the calling account to reject. The invitation is found " +
            "in preview and when the resource is created; if RAM does not show it yet, it is asked again for up to " +
            "`invitationWaitSeconds`. Give this or `invitationArn`. Changing it replaces the resource.",
    },
};

const ROLE_INPUTS: Record<string, Property> = {
    roleArn: {
        type: "string",
        description:
            "An IAM role in the receiving account, e.g. `arn:aws:iam::222222222222:role/ram-invitations`: the " +
            "provider assumes it (STS AssumeRole from the standard credential chain) and acts as the role's account. " +
            "Changing it (or the session name) to reach the same account changes no rejection and makes no RAM call.",
    },
    externalId: {
        type: "string",
        secret: true,
        description: "With `roleArn`: the external id the role's trust policy requires. Kept secret in state.",
    },
    roleSessionName: {
        type: "string",
        description:
            "With `roleArn`: the role session's name, seen in the role account's CloudTrail. " +
            "Default `pulumi-<project>-<stack>`.",
    },
};

const REJECTION_INPUT_PROPERTIES: Record<string, Property> = {
    ...ARN_INPUTS,
    invitationWaitSeconds: {
        type: "number",
        description:
            "With `resourceShareArn`: how long to wait, in seconds, for the share's invitation to become visible " +
            "(RAM is eventually consistent). Default 60.",
    },
    ...ROLE_INPUTS,
};

/** What RAM says about an invitation: outputs of a rejection, and the fields of a listed invitation. */
const INVITATION_FACTS: Record<string, Property> = {
    invitationArn: { type: "string", description: "ARN of the invitation. Also the rejection's id." },
    resourceShareArn: { type: "string", description: "ARN of the resource share the invitation is for." },
    resourceShareName: { type: "string", description: "Name of the resource share the invitation is for." },
    senderAccountId: { type: "string", description: "Account id of the account that sent the invitation." },
    receiverAccountId: { type: "string", description: "Account id of the account the invitation was sent to." },
    status: {
        type: "string",
        description: "The invitation's status as RAM last reported it: PENDING, ACCEPTED, REJECTED or EXPIRED.",
    },
    invitationTimestamp: { type: "string", description: "When the sender created the invitation (ISO 8601)." },
};

const REJECTION_OUTPUT_PROPERTIES: Record<string, Property> = {
    ...INVITATION_FACTS,
    clientToken: {
        type: "string",
        description:
            "The client token sent with the rejection: derived from the resource's URN and the invitation (or " +
            "share) ARN, and kept in state, so a rerun, or a rerun after a crash, never rejects twice.",
    },
    rejectedAt: {
        type: "string",
        description:
            "When this resource saw the rejection take effect (ISO 8601); absent if the invitation had expired.",
    },
    ...ROLE_INPUTS,
};

const ACCEPTANCE_INPUT_PROPERTIES: Record<string, Property> = {
    invitationArn: {
        type: "string",
        description:
            "ARN of the resource-share invitation to accept, as the receiving account sees it. The call is made in " +
            "the ARN's region. Give this or `resourceShareArn`. Changing it replaces the resource.",
    },
    resourceShareArn: {
        type: "string",
        description:
            "ARN of the resource share whose invitation to the calling account to accept. The invitation is found " +
            "in preview and when the resource is created; if RAM does not show it yet, it is asked again for up to " +
            "`invitationWaitSeconds`. Give this or `invitationArn`. Changing it replaces the resource.",
    },
    invitationWaitSeconds: REJECTION_INPUT_PROPERTIES.invitationWaitSeconds,
    leaveShareOnDelete: {
        type: "boolean",
        description:
            "When true, deleting the resource leaves the share (DisassociateResourceShare with the account itself " +
            "as principal). Default false: delete only removes the acceptance from the stack, because other stacks " +
            "may depend on what the share makes visible, and leaving cannot be undone by the receiver.",
    },
    associationWaitSeconds: {
        type: "number",
        description:
            "How long, in seconds, to wait after accepting for the share's association with the account to become " +
            "ASSOCIATED (RAM shows the share as shared only then). Default 120.",
    },
    ...ROLE_INPUTS,
};

const SHARED_RESOURCE_TYPE = `${PACKAGE_NAME}:index:SharedResource`;

const ACCEPTANCE_OUTPUT_PROPERTIES: Record<string, Property> = {
    ...INVITATION_FACTS,
    clientToken: {
        type: "string",
        description:
            "The client token sent with the acceptance: derived from the resource's URN and the invitation (or " +
            "share) ARN in a namespace of its own (never a rejection's token), and kept in state, so a rerun, or a " +
            "rerun after a crash, never accepts twice.",
    },
    acceptedAt: {
        type: "string",
        description: "When this resource saw the acceptance take effect (ISO 8601); absent for an imported one.",
    },
    shareStatus: {
        type: "string",
        description: "The share's status as last read: ACTIVE, or DELETED once its owner deleted it.",
    },
    associationStatus: {
        type: "string",
        description:
            "ASSOCIATED while the share is shared with the account; DISASSOCIATED once the account left it or its " +
            "owner deleted it or removed the account.",
    },
    sharedResources: {
        type: "array",
        items: { $ref: `#/types/${SHARED_RESOURCE_TYPE}` },
        description: "The resources the share makes visible to the account (ListResources), as last read.",
    },
    leaveShareOnDelete: ACCEPTANCE_INPUT_PROPERTIES.leaveShareOnDelete,
    associationWaitSeconds: ACCEPTANCE_INPUT_PROPERTIES.associationWaitSeconds,
    ...ROLE_INPUTS,
};

const GET_INVITATIONS_INPUTS: Record<string, Property> = {
    region: { type: "string", description: 'The region to list, e.g. "us-east-1". Default: the provider\'s `region`.' },
    statuses: {
        type: "array",
        items: { type: "string" },
        description:
            "Only invitations with one of these statuses (PENDING, ACCEPTED, REJECTED, EXPIRED). Default: all.",
    },
    senderAccountIds: {
        type: "array",
        items: { type: "string" },
        description: "Only invitations from these accounts (12-digit ids). Default: from any account.",
    },
    profile: { type: "string", description: "The AWS profile to use. Default: the SDK's chain (AWS_PROFILE, ...)." },
    ...ROLE_INPUTS,
};

const INVITATION_TYPE = `${PACKAGE_NAME}:index:Invitation`;
const POLICY_MODE_TYPE = `${PACKAGE_NAME}:index:PolicyMode`;
const POLICY_ALLOWED_TYPE = `${PACKAGE_NAME}:index:PolicyAllowed`;
const POLICY_COUNTS_TYPE = `${PACKAGE_NAME}:index:PolicyCounts`;
const POLICY_SUMMARY_TYPE = `${PACKAGE_NAME}:index:PolicySummary`;

const ENDPOINTS_TYPE = `${PACKAGE_NAME}:index:Endpoints`;

/**
 * The provider's configuration: `ram-invitations:<key>` stack config for the default provider, or
 * an explicit provider's inputs. Honoured by every resource, function and component of that provider.
 */
const PROVIDER_CONFIG: Record<ProviderConfigKey, Property> = {
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
        $ref: `#/types/${ENDPOINTS_TYPE}`,
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
};

const POLICY_INPUT_PROPERTIES: Record<string, Property> = {
    allowedSenderAccountIds: {
        type: "array",
        items: { type: "string" },
        description:
            "The accounts (12-digit ids) whose invitations are left alone (or accepted, with `allowed: accept`). " +
            "Every pending invitation from any other account is rejected. Required unless " +
            "`allowedOrganizationTargets` is given; with it, these are allowed too.",
    },
    allowedOrganizationTargets: {
        type: "array",
        items: { type: "string" },
        description:
            "Parts of the AWS Organization whose ACTIVE accounts are allowed senders, read from AWS Organizations " +
            "on every run (an account that joins is allowed on the next run): the organization (`o-...`, the " +
            "reader's own), its root (`r-...`) or an OU (`ou-...`, with its nested OUs). A suspended account counts " +
            "as an outsider. When the organization cannot be read, the policy refuses before any write.",
    },
    organizationRoleArn: {
        type: "string",
        description:
            "With `allowedOrganizationTargets`: a role to read AWS Organizations through, in the management " +
            "account or a delegated administrator. Default: the provider's credentials (not the policy's `roleArn`).",
    },
    organizationExternalId: {
        type: "string",
        secret: true,
        description: "With `organizationRoleArn`: the external id its trust policy requires. Kept secret.",
    },
    organizationRoleSessionName: {
        type: "string",
        description: "With `organizationRoleArn`: the session name. Default `pulumi-<project>-<stack>`.",
    },
    regions: {
        type: "array",
        items: { type: "string" },
        description:
            'The regions to enforce the policy in, e.g. ["us-east-1", "eu-west-1"]. Default: the provider\'s `region`.',
    },
    allowedResourceShareNames: {
        type: "array",
        items: { type: "string" },
        description:
            "When given, an allowed sender's invitation is left alone only if its share has one of these names; the " +
            "sender's other invitations are rejected too.",
    },
    maxRejectionsPerRun: {
        type: "integer",
        description:
            "The most pending invitations one run may reject (default 10). A run that would reject more fails, in " +
            "preview and in the update, before any rejection.",
    },
    mode: {
        $ref: `#/types/${POLICY_MODE_TYPE}`,
        description: "`enforce` (the default) rejects; `report` declares no new rejection and only reports.",
    },
    allowed: {
        $ref: `#/types/${POLICY_ALLOWED_TYPE}`,
        description:
            "What to do with the pending invitations the policy allows: `leave` (the default) leaves them pending; " +
            "`accept` declares one InvitationAcceptance per allowed pending invitation.",
    },
    maxAcceptancesPerRun: {
        type: "integer",
        description:
            'With `allowed: "accept"`: the most pending invitations one run may accept (default 10). A run that ' +
            "would accept more fails, in preview and in the update, before any acceptance or rejection.",
    },
    roleArn: {
        type: "string",
        description:
            "A role in the receiving account to assume: the policy lists, and its rejections reject, as the role's " +
            "account.",
    },
    externalId: ROLE_INPUTS.externalId,
    roleSessionName: ROLE_INPUTS.roleSessionName,
};

const POLICY_COUNTS: Record<string, Property> = {
    pendingAllowed: { type: "integer", description: "Pending invitations the policy allows (left pending)." },
    rejectedNow: {
        type: "integer",
        description: "Pending invitations this run rejects (enforce mode); 0 when the run was refused or held back.",
    },
    wouldReject: {
        type: "integer",
        description:
            "Pending invitations this run would reject but does not: in report mode, or when the run was refused " +
            "(`refused`) or held back by another policy of the stack.",
    },
    rejectedEarlier: {
        type: "integer",
        description: "Rejected invitations the policy keeps declared (rejected by an earlier run, or out of band).",
    },
    acceptedNow: {
        type: "integer",
        description:
            'Pending invitations this run accepts (`allowed: "accept"`); 0 when the run was refused or held back.',
    },
    wouldAccept: {
        type: "integer",
        description:
            'Pending invitations this run would accept but does not (`allowed: "accept"`): in report mode, or when ' +
            "the run was refused or held back by another policy of the stack.",
    },
    acceptedEarlier: {
        type: "integer",
        description: 'Accepted invitations the policy keeps declared (`allowed: "accept"`).',
    },
};

export const schema = {
    name: PACKAGE_NAME,
    displayName: "AWS RAM invitations",
    description:
        "Rejects and accepts AWS RAM resource-share invitations declaratively and idempotently: a client token " +
        "derived from the resource's URN, adoption of what is already done, and a preview that names sender and share.",
    keywords: ["pulumi", "aws", "ram", "category/cloud"],
    homepage: REPOSITORY_URL,
    license: "Apache-2.0",
    repository: REPOSITORY_URL,
    publisher: "pulumi-ram-invitations",
    // Every SDK tells the engine where to download this plugin: the repository's GitHub releases, whose
    // assets are the archives `npm run release` writes (pulumi-resource-ram-invitations-v<version>-<os>-<arch>.tar.gz).
    pluginDownloadURL: `github://api.github.com/${GITHUB_REPOSITORY}`,
    config: { variables: PROVIDER_CONFIG },
    provider: {
        description:
            "The ram-invitations provider. The default one takes its settings from `ram-invitations:*` stack config; " +
            "declare one explicitly per account (its `roleArn` or `profile`) to reach several.",
        inputProperties: PROVIDER_CONFIG,
    },
    types: {
        [ENDPOINTS_TYPE]: {
            type: "object",
            description: "Endpoints that replace AWS's own, per service.",
            properties: {
                ram: { type: "string", description: "The RAM endpoint, e.g. `https://ram.us-east-1.amazonaws.com`." },
                sts: { type: "string", description: "The STS endpoint, used for AssumeRole and GetCallerIdentity." },
                organizations: {
                    type: "string",
                    description: "The AWS Organizations endpoint, read for a policy's `allowedOrganizationTargets`.",
                },
            },
        },
        [POLICY_MODE_TYPE]: {
            type: "string",
            description: "What a policy does with the invitations it does not allow.",
            enum: [
                { value: "enforce", description: "Reject them." },
                { value: "report", description: "Only report what would be rejected." },
            ],
        },
        [POLICY_ALLOWED_TYPE]: {
            type: "string",
            description: "What a policy does with the pending invitations it allows.",
            enum: [
                { value: "leave", description: "Leave them pending." },
                { value: "accept", description: "Accept them." },
            ],
        },
        [POLICY_COUNTS_TYPE]: {
            type: "object",
            description: "How many invitations a policy saw, by what it did with them.",
            properties: POLICY_COUNTS,
            required: Object.keys(POLICY_COUNTS),
        },
        [POLICY_SUMMARY_TYPE]: {
            type: "object",
            description: "What a policy saw and did in this run.",
            properties: {
                ...POLICY_COUNTS,
                mode: { $ref: `#/types/${POLICY_MODE_TYPE}`, description: "The policy's mode." },
                regions: { type: "array", items: { type: "string" }, description: "The regions it listed." },
                bySender: {
                    type: "object",
                    additionalProperties: { $ref: `#/types/${POLICY_COUNTS_TYPE}` },
                    description: "The same counts per sender account id.",
                },
                organizationTargets: {
                    type: "object",
                    additionalProperties: { type: "integer" },
                    description:
                        "With `allowedOrganizationTargets`: how many ACTIVE accounts each target resolved to in " +
                        "this run. Absent when the policy names none, or refused.",
                },
                allowedBy: {
                    type: "object",
                    additionalProperties: { type: "string" },
                    description:
                        "With `allowedOrganizationTargets`: for each sender whose invitations the policy allowed " +
                        "(left pending or accepted), the allowed sender it matched: its account id, or the target.",
                },
                refused: {
                    type: "boolean",
                    description:
                        "True when the policy refused to run (its guard, or RAM could not be listed): it rejected " +
                        "and accepted nothing, and what it would have done is in `wouldReject` and `wouldAccept`. " +
                        "Absent when it ran.",
                },
            },
            required: [...Object.keys(POLICY_COUNTS), "mode", "regions", "bySender"],
        },
        [SHARED_RESOURCE_TYPE]: {
            type: "object",
            description: "A resource a share makes visible to the account.",
            properties: {
                arn: { type: "string", description: "The resource's ARN." },
                type: { type: "string", description: "RAM's type of the resource, e.g. `ec2:Subnet`." },
            },
            required: ["arn", "type"],
        },
        [INVITATION_TYPE]: {
            type: "object",
            description: "An invitation as RAM shows it to the calling account.",
            properties: {
                ...INVITATION_FACTS,
                region: { type: "string", description: "The region the invitation (and its share) lives in." },
            },
            required: [...Object.keys(INVITATION_FACTS), "region"],
        },
    },
    resources: {
        [REJECTION_TOKEN]: {
            description:
                "Rejects an AWS RAM resource-share invitation, idempotently. Creating it calls " +
                "RejectResourceShareInvitation once, with a client token derived from the resource's URN and the " +
                "invitation ARN; an invitation already rejected is adopted without a call. Deleting it only removes " +
                "it from the stack: a rejection cannot be undone. Import with the invitation ARN as the id (or " +
                "`<invitationArn>,<roleArn>`); only a REJECTED invitation can be imported.",
            inputProperties: REJECTION_INPUT_PROPERTIES,
            properties: REJECTION_OUTPUT_PROPERTIES,
            required: [...Object.keys(INVITATION_FACTS), "clientToken"],
        },
        [ACCEPTANCE_TOKEN]: {
            description:
                "Accepts an AWS RAM resource-share invitation, idempotently, and waits until the share is shared " +
                "with the account. Creating it calls AcceptResourceShareInvitation once, with a client token derived " +
                "from the resource's URN and the invitation ARN; an invitation already accepted is adopted without a " +
                "call. The preview names sender, share and the resources that will become visible, and fails on an " +
                "invitation already rejected, expired or not found. Deleting it only removes it from the stack, " +
                "unless `leaveShareOnDelete` is true. Import with the invitation ARN as the id (or " +
                "`<invitationArn>,<roleArn>`); only an ACCEPTED invitation can be imported.",
            inputProperties: ACCEPTANCE_INPUT_PROPERTIES,
            properties: ACCEPTANCE_OUTPUT_PROPERTIES,
            required: [
                ...Object.keys(INVITATION_FACTS),
                "clientToken",
                "shareStatus",
                "associationStatus",
                "sharedResources",
            ],
        },
        [POLICY_TOKEN]: {
            isComponent: true,
            description:
                "Rejects every pending invitation whose sender (or share) the policy does not allow, in each of its " +
                "regions, each time the program runs: one InvitationRejection child per unwanted invitation, each on " +
                "its own line in the preview; with `allowed: accept`, also one InvitationAcceptance child per " +
                "allowed pending invitation. A run that would reject more than `maxRejectionsPerRun` (or accept more " +
                "than `maxAcceptancesPerRun`), or that cannot list RAM, declares nothing and fails, in preview and " +
                "in the update alike.",
            inputProperties: POLICY_INPUT_PROPERTIES,
            // allowedSenderAccountIds or allowedOrganizationTargets: one of the two, checked by the policy.
            requiredInputs: [],
            properties: {
                summary: {
                    $ref: `#/types/${POLICY_SUMMARY_TYPE}`,
                    description: "What the policy saw and did in this run: counts in all and per sender.",
                },
            },
            required: ["summary"],
        },
    },
    functions: {
        [GET_INVITATIONS_TOKEN]: {
            description:
                "Lists every invitation (every page) the calling account sees in a region, oldest first. " +
                "Bad arguments fail before any call, naming every problem.",
            inputs: { properties: GET_INVITATIONS_INPUTS },
            outputs: {
                properties: {
                    invitations: {
                        type: "array",
                        items: { $ref: `#/types/${INVITATION_TYPE}` },
                        description: "The invitations, oldest first.",
                    },
                },
                required: ["invitations"],
            },
        },
    },
    // respectSchemaVersion: each SDK carries the schema's version (the plugin's), and so asks the
    // engine for the plugin it was generated from.
    language: {
        nodejs: {
            packageName: "@pulumi-ram-invitations/sdk",
            dependencies: { "@pulumi/pulumi": "^3.200.0" },
            respectSchemaVersion: true,
        },
        // pyproject.toml rather than setup.py: `python -m build` makes the wheel and sdist from it.
        python: { packageName: "pulumi_ram_invitations", respectSchemaVersion: true, pyproject: { enabled: true } },
        // The Go module is sdk/ of the repository (sdk/go.mod), tagged sdk/v<version>; this is its package.
        go: { importBasePath: `${GO_MODULE}/go/ram-invitations`, respectSchemaVersion: true },
    },
} as const;

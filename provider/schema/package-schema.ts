/**
 * The plugin's schema: the public contract of every SDK generated from it (`npm run gen-sdk`) and
 * of Pulumi YAML programs, built from the property tables beside it, from which the TypeScript
 * types the shells serve are derived too (./property-types.ts): every property is written once.
 */
import { ACCEPTANCE_INPUTS, ACCEPTANCE_OUTPUTS, REJECTION_INPUTS, REJECTION_OUTPUTS } from "./answer-properties";
import { GET_INVITATIONS_INPUTS, GET_INVITATIONS_OUTPUTS } from "./listing-properties";
import { POLICY_INPUTS, POLICY_OUTPUTS } from "./policy-properties";
import { PROVIDER_CONFIG } from "./provider-config-properties";
import { requiredNames } from "./property-types";
import { propertiesJson, requiredJson, typesJson } from "./schema-json";
import { ACCEPTANCE_TOKEN, GET_INVITATIONS_TOKEN, PACKAGE_NAME, POLICY_TOKEN, REJECTION_TOKEN } from "./tokens";

/** The repository as GitHub names it: its releases carry the plugin archives. */
export const GITHUB_REPOSITORY = "pulumi-ram-invitations/pulumi-ram-invitations";
const REPOSITORY_URL = `https://github.com/${GITHUB_REPOSITORY}`;
/** The Go SDK's module: the repository's sdk/ folder, as Go names a module in a subfolder. */
export const GO_MODULE = `github.com/${GITHUB_REPOSITORY}/sdk`;

const PACKAGE = {
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
};

// respectSchemaVersion: each SDK carries the schema's version (the plugin's), and so asks the
// engine for the plugin it was generated from.
const LANGUAGES = {
    nodejs: {
        packageName: "@pulumi-ram-invitations/sdk",
        dependencies: { "@pulumi/pulumi": "^3.200.0" },
        respectSchemaVersion: true,
    },
    // pyproject.toml rather than setup.py: `python -m build` makes the wheel and sdist from it.
    python: { packageName: "pulumi_ram_invitations", respectSchemaVersion: true, pyproject: { enabled: true } },
    // The Go module is sdk/ of the repository (sdk/go.mod), tagged sdk/v<version>; this is its package.
    go: { importBasePath: `${GO_MODULE}/go/ram-invitations`, respectSchemaVersion: true },
};

const PROVIDER_DESCRIPTION =
    "The ram-invitations provider. The default one takes its settings from `ram-invitations:*` stack config; " +
    "declare one explicitly per account (its `roleArn` or `profile`) to reach several.";

const REJECTION_DESCRIPTION =
    "Rejects an AWS RAM resource-share invitation, idempotently. Creating it calls " +
    "RejectResourceShareInvitation once, with a client token derived from the resource's URN and the " +
    "invitation ARN; an invitation already rejected is adopted without a call. Deleting it only removes " +
    "it from the stack: a rejection cannot be undone. Import with the invitation ARN as the id (or " +
    "`<invitationArn>,<roleArn>`); only a REJECTED invitation can be imported.";

const ACCEPTANCE_DESCRIPTION =
    "Accepts an AWS RAM resource-share invitation, idempotently, and waits until the share is shared " +
    "with the account. Creating it calls AcceptResourceShareInvitation once, with a client token derived " +
    "from the resource's URN and the invitation ARN; an invitation already accepted is adopted without a " +
    "call. The preview names sender, share and the resources that will become visible, and fails on an " +
    "invitation already rejected, expired or not found. Deleting it only removes it from the stack, " +
    "unless `leaveShareOnDelete` is true. Import with the invitation ARN as the id (or " +
    "`<invitationArn>,<roleArn>`); only an ACCEPTED invitation can be imported.";

const POLICY_DESCRIPTION =
    "Rejects every pending invitation whose sender (or share) the policy does not allow, in each of its " +
    "regions, each time the program runs: one InvitationRejection child per unwanted invitation, each on " +
    "its own line in the preview; with `allowed: accept`, also one InvitationAcceptance child per " +
    "allowed pending invitation. A run that would reject more than `maxRejectionsPerRun` (or accept more " +
    "than `maxAcceptancesPerRun`), or that cannot list RAM, declares nothing and fails, in preview and " +
    "in the update alike.";

const GET_INVITATIONS_DESCRIPTION =
    "Lists every invitation (every page) the calling account sees in a region, oldest first. " +
    "Bad arguments fail before any call, naming every problem.";

/** The schema (without its version, which the plugin adds), built from the tables when asked. */
export function packageSchema() {
    return {
        ...PACKAGE,
        config: { variables: propertiesJson(PROVIDER_CONFIG) },
        provider: { description: PROVIDER_DESCRIPTION, inputProperties: propertiesJson(PROVIDER_CONFIG) },
        types: typesJson([
            PROVIDER_CONFIG,
            REJECTION_INPUTS,
            REJECTION_OUTPUTS,
            ACCEPTANCE_INPUTS,
            ACCEPTANCE_OUTPUTS,
            POLICY_INPUTS,
            POLICY_OUTPUTS,
            GET_INVITATIONS_INPUTS,
            GET_INVITATIONS_OUTPUTS,
        ]),
        resources: {
            [REJECTION_TOKEN]: {
                description: REJECTION_DESCRIPTION,
                inputProperties: propertiesJson(REJECTION_INPUTS),
                ...requiredJson("requiredInputs", REJECTION_INPUTS),
                properties: propertiesJson(REJECTION_OUTPUTS),
                required: requiredNames(REJECTION_OUTPUTS),
            },
            [ACCEPTANCE_TOKEN]: {
                description: ACCEPTANCE_DESCRIPTION,
                inputProperties: propertiesJson(ACCEPTANCE_INPUTS),
                ...requiredJson("requiredInputs", ACCEPTANCE_INPUTS),
                properties: propertiesJson(ACCEPTANCE_OUTPUTS),
                required: requiredNames(ACCEPTANCE_OUTPUTS),
            },
            [POLICY_TOKEN]: {
                isComponent: true,
                description: POLICY_DESCRIPTION,
                inputProperties: propertiesJson(POLICY_INPUTS),
                // Present though empty: the schema says that no argument is required (see POLICY_INPUTS).
                requiredInputs: requiredNames(POLICY_INPUTS),
                properties: propertiesJson(POLICY_OUTPUTS),
                required: requiredNames(POLICY_OUTPUTS),
            },
        },
        functions: {
            [GET_INVITATIONS_TOKEN]: {
                description: GET_INVITATIONS_DESCRIPTION,
                inputs: {
                    properties: propertiesJson(GET_INVITATIONS_INPUTS),
                    ...requiredJson("required", GET_INVITATIONS_INPUTS),
                },
                outputs: {
                    properties: propertiesJson(GET_INVITATIONS_OUTPUTS),
                    required: requiredNames(GET_INVITATIONS_OUTPUTS),
                },
            },
        },
        language: LANGUAGES,
    };
}

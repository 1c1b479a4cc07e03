/**
 * An InvitationPolicy's arguments, checked offline: every problem at once, each against the input
 * it concerns, so that a preview fails before any call. The same check serves the component and
 * the `ram-invitations:policy` stack config.
 */
import { DEFAULT_MAX_ACCEPTANCES_PER_RUN, DEFAULT_MAX_REJECTIONS_PER_RUN } from "../defaults";
import { ACCOUNT_ID } from "../inputs/arn";
import { describeRegionProblem } from "../inputs/regions";
import { parseRoleInputs } from "../inputs/role-inputs";
import { describeTargetProblem } from "../organizations/targets";

/** `enforce` rejects what the policy does not allow; `report` only reports what it would reject. */
export type PolicyMode = "enforce" | "report";

/** What a policy does with the pending invitations it allows: accept them, or leave them pending. */
export type PolicyAllowed = "accept" | "leave";

export interface InvitationPolicyArgs {
    /**
     * The accounts (12-digit ids) whose invitations are left alone (or accepted, with `allowed:
     * "accept"`). Every pending invitation from any other account is rejected. Required unless
     * allowedOrganizationTargets is given; with it, these are allowed too (partners outside the
     * organization).
     */
    allowedSenderAccountIds?: string[];
    /**
     * Parts of the AWS Organization whose ACTIVE accounts are allowed senders, read from AWS
     * Organizations on every run (an account that joins is allowed on the next run, with no change to
     * the program): the organization itself (`o-…`, which must be the one the reader belongs to), its
     * root (`r-…`) or an organizational unit (`ou-…`, with every OU nested in it). A suspended
     * account's invitations are treated as any outsider's. When the organization cannot be read, the
     * policy refuses before any write.
     */
    allowedOrganizationTargets?: string[];
    /**
     * With allowedOrganizationTargets: a role to read AWS Organizations through, in the
     * organization's management account or a delegated administrator. Default: the provider's
     * credentials (its role, if it has one), not the policy's roleArn.
     */
    organizationRoleArn?: string;
    /** With organizationRoleArn: the external id its trust policy requires (kept secret). */
    organizationExternalId?: string;
    /** With organizationRoleArn: the session name. Default `pulumi-<project>-<stack>`. */
    organizationRoleSessionName?: string;
    /**
     * The regions to enforce the policy in, e.g. ["us-east-1", "eu-west-1"]. Default: the provider's
     * region (`ram-invitations:region`; for the library's own InvitationPolicy also `aws:region`).
     */
    regions?: string[];
    /**
     * When given, an allowed sender's invitation is left alone only if its share has one of these
     * names; the sender's other invitations are rejected too.
     */
    allowedResourceShareNames?: string[];
    /**
     * The most pending invitations one run may reject (default 10; see DEFAULT_MAX_REJECTIONS_PER_RUN).
     * A run that would reject more fails, in preview and in the update, before any rejection.
     */
    maxRejectionsPerRun?: number;
    /** `enforce` (the default) rejects; `report` declares no rejection and only reports. */
    mode?: PolicyMode;
    /**
     * What to do with the pending invitations the policy allows: `"leave"` (the default) leaves them
     * pending; `"accept"` declares one InvitationAcceptance per allowed pending invitation.
     */
    allowed?: PolicyAllowed;
    /**
     * With `allowed: "accept"`: the most pending invitations one run may accept (default 10). A run
     * that would accept more fails, in preview and in the update, before any acceptance or rejection.
     */
    maxAcceptancesPerRun?: number;
    /**
     * A role in the receiving account to assume: the policy lists, and its rejections reject, as
     * the role's account (see InvitationRejection's roleArn).
     */
    roleArn?: string;
    /** With roleArn: the external id its trust policy requires (kept secret in state). */
    externalId?: string;
    /** With roleArn: the session name. Default `pulumi-<project>-<stack>`. */
    roleSessionName?: string;
}

/** The arguments without a default. */
type OptionalArgs =
    | "allowedResourceShareNames"
    | "roleArn"
    | "externalId"
    | "roleSessionName"
    | "allowedOrganizationTargets"
    | "organizationRoleArn"
    | "organizationExternalId"
    | "organizationRoleSessionName";

/** The arguments with their defaults filled in (no allowed account ids: an empty list). */
export type CheckedPolicyArgs = Required<Omit<InvitationPolicyArgs, OptionalArgs>> &
    Pick<InvitationPolicyArgs, OptionalArgs>;

/** The settings that name the role to read AWS Organizations through. */
const ORGANIZATION_ROLE_FIELDS = ["organizationRoleArn", "organizationExternalId", "organizationRoleSessionName"];

const FIELDS: readonly string[] = [
    "allowedSenderAccountIds",
    "regions",
    "allowedResourceShareNames",
    "maxRejectionsPerRun",
    "mode",
    "allowed",
    "maxAcceptancesPerRun",
    "roleArn",
    "externalId",
    "roleSessionName",
    "allowedOrganizationTargets",
    ...ORGANIZATION_ROLE_FIELDS,
];
const MODES: readonly string[] = ["enforce", "report"];
const ALLOWED: readonly string[] = ["accept", "leave"];

/**
 * Checks `value` as policy arguments; `key` names it in every problem (e.g. `ram-invitations:policy`
 * gives `ram-invitations:policy.regions[1]: ...`).
 */
export function checkPolicyArgs(
    value: unknown,
    key: string,
    defaultRegion?: string,
): { args?: CheckedPolicyArgs; problems: string[] } {
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
        return {
            problems: [
                `${key} must be an object with allowedSenderAccountIds (or allowedOrganizationTargets) and regions`,
            ],
        };
    }
    const { allowedOrganizationTargets: targets, ...rest } = value as Record<string, unknown>;
    // An empty list names no target, so that a program whose config gives none (Pulumi YAML's
    // `default: []`) passes it as it is.
    const given =
        Array.isArray(targets) && targets.length === 0 ? rest : { ...rest, allowedOrganizationTargets: targets };
    // The provider's region stands in for a policy that names none.
    const input = given.regions === undefined && defaultRegion ? { ...given, regions: [defaultRegion] } : given;
    const senderAccountIds = accountIdsAsText(input.allowedSenderAccountIds);
    const problems = [
        ...Object.keys(input)
            .filter((field) => !FIELDS.includes(field))
            .map((field) => `${key}.${field} is not a policy setting (the settings are ${FIELDS.join(", ")})`),
        ...listProblems(
            senderAccountIds,
            `${key}.allowedSenderAccountIds`,
            { numberProblem: describeNumericAccountId },
            (id) => (ACCOUNT_ID.test(id) ? undefined : `${JSON.stringify(id)} is not a 12-digit account id`),
        ),
        // Either list names who is allowed; without both, every invitation would be rejected.
        ...(senderAccountIds === undefined && input.allowedOrganizationTargets === undefined
            ? [
                  `${key}.allowedSenderAccountIds is required: a list of account ids (or name the organization, ` +
                      `its root or OUs to allow in allowedOrganizationTargets)`,
              ]
            : []),
        ...listProblems(
            input.allowedOrganizationTargets,
            `${key}.allowedOrganizationTargets`,
            {},
            describeTargetProblem,
        ),
        ...organizationRoleProblems(input, key),
        ...(input.regions === undefined
            ? [`${key}.regions is required: a list (or set the provider's region, ram-invitations:region)`]
            : listProblems(input.regions, `${key}.regions`, { nonEmpty: true }, describeRegionProblem)),
        ...listProblems(
            input.allowedResourceShareNames,
            `${key}.allowedResourceShareNames`,
            { nonEmpty: true },
            () => undefined,
        ),
        ...wholeNumberProblems(input.maxRejectionsPerRun, `${key}.maxRejectionsPerRun`),
        ...wholeNumberProblems(input.maxAcceptancesPerRun, `${key}.maxAcceptancesPerRun`),
        ...(input.allowed === undefined || ALLOWED.includes(input.allowed as string)
            ? []
            : [`${key}.allowed must be "accept" or "leave", got ${JSON.stringify(input.allowed)}`]),
        ...(input.mode === undefined || MODES.includes(input.mode as string)
            ? []
            : [`${key}.mode must be "enforce" or "report", got ${JSON.stringify(input.mode)}`]),
        ...parseRoleInputs({ ...input, roleSessionName: input.roleSessionName ?? "default-session" }).failures.map(
            (failure) => `${key}.${failure.reason}`,
        ),
    ];
    if (problems.length > 0) {
        return { problems };
    }
    const args = input as unknown as InvitationPolicyArgs;
    return {
        args: {
            allowedSenderAccountIds: (senderAccountIds as string[] | undefined) ?? [],
            regions: args.regions as string[],
            allowedResourceShareNames: args.allowedResourceShareNames,
            maxRejectionsPerRun: args.maxRejectionsPerRun ?? DEFAULT_MAX_REJECTIONS_PER_RUN,
            mode: args.mode ?? "enforce",
            allowed: args.allowed ?? "leave",
            maxAcceptancesPerRun: args.maxAcceptancesPerRun ?? DEFAULT_MAX_ACCEPTANCES_PER_RUN,
            roleArn: args.roleArn,
            externalId: args.externalId,
            roleSessionName: args.roleSessionName,
            ...(args.allowedOrganizationTargets && {
                allowedOrganizationTargets: args.allowedOrganizationTargets,
                organizationRoleArn: args.organizationRoleArn,
                organizationExternalId: args.organizationExternalId,
                organizationRoleSessionName: args.organizationRoleSessionName,
            }),
        },
        problems,
    };
}

/**
 * Problems of the organization's role: the role checks of ./role-inputs, each named after the
 * organization's setting; and a role with no target to read it for.
 */
function organizationRoleProblems(input: Record<string, unknown>, key: string): string[] {
    const given = ORGANIZATION_ROLE_FIELDS.filter((field) => input[field] !== undefined);
    if (given.length > 0 && input.allowedOrganizationTargets === undefined) {
        return given.map((field) => `${key}.${field} is only used with allowedOrganizationTargets`);
    }
    const organizationName = (field: string) => `organization${field[0].toUpperCase()}${field.slice(1)}`;
    return parseRoleInputs({
        roleArn: input.organizationRoleArn,
        externalId: input.organizationExternalId,
        roleSessionName: input.organizationRoleSessionName ?? "default-session",
    }).failures.map(
        (failure) => `${key}.${failure.reason.replace(/\b(roleArn|externalId|roleSessionName)\b/g, organizationName)}`,
    );
}

/**
 * The list with each 12-digit number as the account id it is: YAML reads an unquoted id as a number,
 * and so does `pulumi config set --path` (`...allowedSenderAccountIds[0] 111111111111`).
 */
function accountIdsAsText(value: unknown): unknown {
    if (!Array.isArray(value)) {
        return value;
    }
    return value.map((item: unknown) =>
        typeof item === "number" && ACCOUNT_ID.test(String(item)) ? String(item) : item,
    );
}

/** What is wrong with a number where an account id belongs (12-digit numbers were made text already). */
function describeNumericAccountId(item: number): string {
    if (Number.isInteger(item) && item >= 0 && String(item).length < 12) {
        return (
            `was read as the number ${item}, which has fewer than 12 digits: the id's leading zero was lost, ` +
            `because YAML reads an unquoted id as a number. Quote the id in Pulumi.<stack>.yaml ("0..."), or set ` +
            `it with \`pulumi config set --type string --path ...\``
        );
    }
    return `must be a 12-digit account id, got the number ${item}`;
}

/** Problems of a list of non-empty strings without duplicates, each item also checked by `itemProblem`. */
function listProblems(
    value: unknown,
    key: string,
    rules: { nonEmpty?: boolean; numberProblem?: (item: number) => string },
    itemProblem: (item: string) => string | undefined,
): string[] {
    if (value === undefined) {
        return [];
    }
    if (!Array.isArray(value)) {
        return [`${key} must be a list, got ${typeof value}`];
    }
    if (rules.nonEmpty && value.length === 0) {
        return [`${key} must name at least one`];
    }
    return value.flatMap((item: unknown, i) => {
        if (typeof item === "number" && rules.numberProblem) {
            return [`${key}[${i}] ${rules.numberProblem(item)}`];
        }
        if (typeof item !== "string" || item === "") {
            return [`${key}[${i}] must be a non-empty string, got ${JSON.stringify(item)}`];
        }
        const problem = itemProblem(item);
        if (problem) {
            return [`${key}[${i}] ${problem}`];
        }
        const first = value.indexOf(item);
        return first < i ? [`${key}[${i}] repeats ${key}[${first}] (${JSON.stringify(item)})`] : [];
    });
}

function wholeNumberProblems(value: unknown, key: string): string[] {
    if (value === undefined || (typeof value === "number" && Number.isInteger(value) && value >= 1)) {
        return [];
    }
    return [`${key} must be a whole number of 1 or more, got ${JSON.stringify(value)}`];
}

/** The role to read AWS Organizations through, in the shape of a policy's own role settings. */
export function organizationAccess(
    args: CheckedPolicyArgs,
): Pick<InvitationPolicyArgs, "roleArn" | "externalId" | "roleSessionName"> {
    return {
        roleArn: args.organizationRoleArn,
        externalId: args.organizationExternalId,
        roleSessionName: args.organizationRoleSessionName,
    };
}

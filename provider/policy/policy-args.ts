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
import {
    ORGANIZATION_ROLE_INPUTS,
    POLICY_ALLOWED_TYPE,
    POLICY_INPUTS,
    POLICY_MODE_TYPE,
} from "../schema/policy-properties";
import { enumValues, propertyNames } from "../schema/property-types";
import type { InvitationPolicyArgs, PolicyAllowed, PolicyMode } from "../generated/types";

/** A policy's arguments and its enums, generated from ../schema/policy-properties.ts. */
export type { InvitationPolicyArgs, PolicyAllowed, PolicyMode };

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
    const settings: string[] = propertyNames(POLICY_INPUTS);
    const problems = [
        ...Object.keys(input)
            .filter((field) => !settings.includes(field))
            .map((field) => `${key}.${field} is not a policy setting (the settings are ${settings.join(", ")})`),
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
        ...(input.allowed === undefined ||
        (enumValues(POLICY_ALLOWED_TYPE) as readonly string[]).includes(input.allowed as string)
            ? []
            : [`${key}.allowed must be "accept" or "leave", got ${JSON.stringify(input.allowed)}`]),
        ...(input.mode === undefined ||
        (enumValues(POLICY_MODE_TYPE) as readonly string[]).includes(input.mode as string)
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
    const given = propertyNames(ORGANIZATION_ROLE_INPUTS).filter((field) => input[field] !== undefined);
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

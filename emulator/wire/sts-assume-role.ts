/**
 * STS AssumeRole: the parameters checked as STS's model constrains them (every violation in one
 * `ValidationError`), the role's trust deciding (`AccessDenied` for an untrusted caller, a wrong or
 * missing external id and an unknown role alike, as STS does), the session's length checked against
 * the role's maximum and role chaining's one hour, and then a session of the role with new
 * temporary credentials, whose expiration is on the emulator's clock.
 */
import type { Emulator } from "../emulator";
import { parseRoleArn } from "../model/arns";
import { DEFAULT_SESSION_SECONDS } from "../model/iam";
import { Caller, callerArn } from "./authenticate";
import { StsError, stsTime, validationError, xmlElements } from "./sts-query";

/** A session started with a role session's credentials lasts one hour at most. */
const CHAINED_SESSION_MAX_SECONDS = 3600;

/** One parameter's constraints in STS's model. */
interface Constraint {
    parameter: string;
    /** The member's name in STS's validation messages. */
    member: string;
    required?: boolean;
    length?: { min: number; max: number };
    /** STS's pattern as its messages show it; `regex` is the same, anchored. */
    pattern?: { shown: string; regex: RegExp };
    range?: { min: number; max: number };
}

const CONSTRAINTS: Constraint[] = [
    { parameter: "RoleArn", member: "roleArn", required: true, length: { min: 20, max: 2048 } },
    {
        parameter: "RoleSessionName",
        member: "roleSessionName",
        required: true,
        length: { min: 2, max: 64 },
        pattern: { shown: "[\\w+=,.@-]*", regex: /^[\w+=,.@-]*$/ },
    },
    {
        parameter: "ExternalId",
        member: "externalId",
        length: { min: 2, max: 1224 },
        pattern: { shown: "[\\w+=,.@:\\/-]*", regex: /^[\w+=,.@:/-]*$/ },
    },
    { parameter: "DurationSeconds", member: "durationSeconds", range: { min: 900, max: 43200 } },
];

/** What one parameter breaks, in STS's words (none when it is fine). */
function violations(constraint: Constraint, value: string | null): string[] {
    const { member, length, pattern, range } = constraint;
    if (value === null) {
        return constraint.required
            ? [`Value null at '${member}' failed to satisfy constraint: Member must not be null`]
            : [];
    }
    const broken = (rule: string) =>
        `Value '${value}' at '${member}' failed to satisfy constraint: Member must ${rule}`;
    const found: string[] = [];
    if (length && value.length < length.min) {
        found.push(broken(`have length greater than or equal to ${length.min}`));
    }
    if (length && value.length > length.max) {
        found.push(broken(`have length less than or equal to ${length.max}`));
    }
    if (pattern && !pattern.regex.test(value)) {
        found.push(broken(`satisfy regular expression pattern: ${pattern.shown}`));
    }
    if (range && !/^-?\d+$/.test(value)) {
        found.push(broken("be a whole number"));
    } else if (range && Number(value) < range.min) {
        found.push(broken(`have value greater than or equal to ${range.min}`));
    } else if (range && Number(value) > range.max) {
        found.push(broken(`have value less than or equal to ${range.max}`));
    }
    return found;
}

/** Throws a `ValidationError` naming every constraint the parameters break. */
function checkParameters(parameters: URLSearchParams): void {
    const found = CONSTRAINTS.flatMap((c) => violations(c, parameters.get(c.parameter)));
    if (found.length > 0) {
        const count = `${found.length} validation error${found.length === 1 ? "" : "s"}`;
        throw validationError(`${count} detected: ${found.join("; ")}`);
    }
}

/** Answers AssumeRole for `caller`: the XML inside `<AssumeRoleResult>`. */
export function assumeRole(caller: Caller, parameters: URLSearchParams, emulator: Emulator): string {
    checkParameters(parameters);
    const roleArn = parameters.get("RoleArn")!;
    const roleSessionName = parameters.get("RoleSessionName")!;
    const externalId = parameters.get("ExternalId") ?? undefined;
    const durationSeconds = Number(parameters.get("DurationSeconds") ?? DEFAULT_SESSION_SECONDS);
    if (parseRoleArn(roleArn) === undefined) {
        throw validationError(`${roleArn} is invalid`);
    }
    const role = emulator.iam.role(roleArn);
    if (role === undefined || !emulator.iam.trusts(role, caller, externalId)) {
        throw new StsError(
            "AccessDenied",
            403,
            `User: ${callerArn(caller)} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`,
        );
    }
    if (caller.session !== undefined && durationSeconds > CHAINED_SESSION_MAX_SECONDS) {
        throw validationError(
            "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.",
        );
    }
    if (durationSeconds > role.maxSessionDurationSeconds) {
        throw validationError("The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
    }
    const session = emulator.startSession(role, roleSessionName, durationSeconds);
    const credentials = xmlElements({
        AccessKeyId: session.accessKeyId,
        SecretAccessKey: session.secretAccessKey,
        SessionToken: session.sessionToken,
        Expiration: stsTime(session.expiresAtMs),
    });
    const user = xmlElements({ AssumedRoleId: session.assumedRoleId, Arn: session.assumedRoleArn });
    return `<Credentials>${credentials}</Credentials><AssumedRoleUser>${user}</AssumedRoleUser>`;
}

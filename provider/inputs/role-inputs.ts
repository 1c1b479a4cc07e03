/**
 * The inputs that name the role a rejection acts through, checked offline like the selection:
 * `roleArn` (an IAM role ARN), `externalId` and `roleSessionName` (STS's own limits), and the
 * role they make (what ../ram/role-access.ts assumes).
 */
import { UNKNOWN } from "./unknown";

/** The role a call runs as, and how the provider names its session. */
export interface RoleAccess {
    /** `arn:aws:iam::<account>:role/<name>`. */
    roleArn: string;
    /** The external id the role's trust policy requires, if any. */
    externalId?: string;
    /** Shows in the role account's CloudTrail which stack acted. */
    roleSessionName: string;
}

export interface RoleInputs {
    roleArn?: unknown;
    externalId?: unknown;
    roleSessionName?: unknown;
}

const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;
const EXTERNAL_ID = /^[\w+=,.@:/-]{2,1224}$/;
const SESSION_NAME = /^[\w+=,.@-]{2,64}$/;

/** The role to act through (undefined without one, or while a value is unknown in preview), and every problem. */
export function parseRoleInputs(inputs: RoleInputs): {
    role?: RoleAccess;
    failures: { property: string; reason: string }[];
} {
    if (inputs.roleArn === undefined || inputs.roleArn === null) {
        const stray = (["externalId"] as const).filter((key) => inputs[key] !== undefined && inputs[key] !== null);
        return {
            failures: stray.map((property) => ({ property, reason: `${property} is only used with roleArn` })),
        };
    }
    const values = [inputs.roleArn, inputs.externalId, inputs.roleSessionName];
    if (values.includes(UNKNOWN)) {
        return { failures: [] };
    }
    const failures: { property: string; reason: string }[] = [];
    if (typeof inputs.roleArn !== "string" || !ROLE_ARN.test(inputs.roleArn)) {
        failures.push({
            property: "roleArn",
            reason:
                `roleArn ${JSON.stringify(inputs.roleArn)} is not an IAM role ARN ` +
                `like arn:aws:iam::111122223333:role/name`,
        });
    }
    if (
        inputs.externalId !== undefined &&
        (typeof inputs.externalId !== "string" || !EXTERNAL_ID.test(inputs.externalId))
    ) {
        // The value itself may be a secret: it is not repeated.
        failures.push({
            property: "externalId",
            reason: "externalId must be 2 to 1224 of the characters A-Z a-z 0-9 _+=,.@:/-",
        });
    }
    if (typeof inputs.roleSessionName !== "string" || !SESSION_NAME.test(inputs.roleSessionName)) {
        failures.push({
            property: "roleSessionName",
            reason:
                `roleSessionName ${JSON.stringify(inputs.roleSessionName)} ` +
                `must be 2 to 64 of the characters A-Z a-z 0-9 _+=,.@-`,
        });
    }
    if (failures.length > 0) {
        return { failures };
    }
    return {
        role: {
            roleArn: inputs.roleArn as string,
            externalId: inputs.externalId as string | undefined,
            roleSessionName: inputs.roleSessionName as string,
        },
        failures,
    };
}

/** The role that state says a rejection acted through; undefined for the standard chain. */
export function roleOfState(state: {
    roleArn?: string;
    externalId?: string;
    roleSessionName?: string;
}): RoleAccess | undefined {
    return state.roleArn
        ? {
              roleArn: state.roleArn,
              externalId: state.externalId,
              roleSessionName: state.roleSessionName ?? "pulumi-ram-invitations",
          }
        : undefined;
}

/**
 * The default session name: says which project and stack acted, within STS's limits (2 to 64 of
 * A-Z a-z 0-9 _+=,.@-). One name per stack, so a process assumes each role once however many
 * resources use it; CloudTrail then shows the stack, and each rejection's client token the resource.
 */
export function defaultRoleSessionName(project: string, stack: string): string {
    return `pulumi-${project}-${stack}`.replace(/[^\w+=,.@-]/g, "-").slice(0, 64);
}

/** The account of an IAM role ARN (`arn:aws:iam::<account>:role/<name>`). */
export function accountOfRole(roleArn: string): string | undefined {
    return /^arn:[\w-]+:iam::(\d{12}):role\//.exec(roleArn)?.[1];
}

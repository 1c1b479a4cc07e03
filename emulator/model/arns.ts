/**
 * RAM's ARNs: building them for new shares and invitations, and reading the ones clients send;
 * and the region names and partitions in them.
 *
 * Share: `arn:<partition>:ram:<region>:<owner>:resource-share/<uuid>`.
 * Invitation: `arn:<partition>:ram:<region>:<sender>:resource-share-invitation/<uuid>`; the
 * account is the sender's (the share owner's), as in the AWS CLI's documented examples.
 * IAM role: `arn:<partition>:iam::<account>:role/<path/><name>`; its sessions, as STS names them:
 * `arn:<partition>:sts::<account>:assumed-role/<name>/<session name>`.
 */
import { partition } from "@aws-sdk/core/client";
import { randomUUID } from "node:crypto";

/** The parts of an ARN. */
export interface ParsedArn {
    partition: string;
    service: string;
    region: string;
    accountId: string;
    resource: string;
}

const ARN_PATTERN = /^arn:(aws[a-z-]*):([a-z0-9-]+):([a-z0-9-]*):(\d{12}|):(.+)$/;
const ACCOUNT_ID_PATTERN = /^\d{12}$/;
// Lower-case words joined by dashes, ending in a number: us-east-1, us-gov-west-1, cn-north-1,
// us-isob-east-1, eusc-de-east-1. Which partition a region is in is the SDK's table's business.
const REGION_PATTERN = /^[a-z]{2,4}(-[a-z]+)+-\d{1,2}$/;

/** Whether `value` is a 12-digit AWS account id. */
export function isAccountId(value: string): boolean {
    return ACCOUNT_ID_PATTERN.test(value);
}

/** Whether `value` has the form of an AWS region name, e.g. `us-east-1` or `eusc-de-east-1`. */
export function isRegionName(value: string): boolean {
    return REGION_PATTERN.test(value);
}

/** Splits an ARN into its parts, or answers undefined when it is not one. */
export function parseArn(value: string): ParsedArn | undefined {
    const match = ARN_PATTERN.exec(value);
    if (!match) {
        return undefined;
    }
    const [, partition, service, region, accountId, resource] = match;
    return { partition, service, region, accountId, resource };
}

/** The kinds of RAM resources the emulator names. */
export type RamResourceType = "resource-share" | "resource-share-invitation";

/** Whether `value` is a well-formed RAM ARN of the given resource type. */
export function isRamArn(value: string, type: RamResourceType): boolean {
    const arn = parseArn(value);
    return (
        arn !== undefined &&
        arn.service === "ram" &&
        arn.region !== "" &&
        arn.accountId !== "" &&
        arn.resource.startsWith(`${type}/`) &&
        arn.resource.length > type.length + 1
    );
}

/**
 * The partition a region belongs to (`aws`, `aws-cn`, `aws-us-gov`, `aws-iso`, `aws-iso-b`,
 * `aws-iso-e`, `aws-iso-f`, `aws-eusc`, ...), from the partition table the AWS SDK resolves
 * endpoints with, so the emulator names ARNs as AWS does in every partition the SDK knows. A
 * region the table does not know is in `aws`, as the SDK has it.
 */
export function partitionOf(region: string): string {
    return partition(region).name;
}

/** A new, unique RAM ARN. */
export function newRamArn(type: RamResourceType, region: string, accountId: string): string {
    return `arn:${partitionOf(region)}:ram:${region}:${accountId}:${type}/${randomUUID()}`;
}

/** An IAM role's ARN, read. */
export interface RoleArn {
    partition: string;
    accountId: string;
    /** The last part of the resource: the name without the role's path. */
    roleName: string;
}

// IAM's pattern for a role name, and for each part of a role's path.
const ROLE_RESOURCE_PATTERN = /^role\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]{1,64})$/;

/** Reads an IAM role ARN (any partition), or answers undefined when `value` is not one. */
export function parseRoleArn(value: string): RoleArn | undefined {
    const arn = parseArn(value);
    if (arn === undefined || arn.service !== "iam" || arn.region !== "" || arn.accountId === "") {
        return undefined;
    }
    const roleName = ROLE_RESOURCE_PATTERN.exec(arn.resource)?.[1];
    return roleName === undefined ? undefined : { partition: arn.partition, accountId: arn.accountId, roleName };
}

/** The ARN STS gives a session of `role`: `arn:<partition>:sts::<account>:assumed-role/<role name>/<session>`. */
export function assumedRoleArn(role: RoleArn, roleSessionName: string): string {
    return `arn:${role.partition}:sts::${role.accountId}:assumed-role/${role.roleName}/${roleSessionName}`;
}

/** The ARN of an account's root user, the identity STS names for the account's own access key. */
export function rootUserArn(partition: string, accountId: string): string {
    return `arn:${partition}:iam::${accountId}:root`;
}

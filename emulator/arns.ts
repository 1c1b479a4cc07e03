/**
 * RAM's ARNs: building them for new shares and invitations, and reading the ones clients send.
 *
 * Share: `arn:<partition>:ram:<region>:<owner>:resource-share/<uuid>`.
 * Invitation: `arn:<partition>:ram:<region>:<sender>:resource-share-invitation/<uuid>`; the
 * account is the sender's (the share owner's), as in the AWS CLI's documented examples.
 */
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

/** Whether `value` is a 12-digit AWS account id. */
export function isAccountId(value: string): boolean {
    return ACCOUNT_ID_PATTERN.test(value);
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

/** The partition a region belongs to, so ARNs in China or GovCloud regions look right. */
function partitionOf(region: string): string {
    if (region.startsWith("cn-")) {
        return "aws-cn";
    }
    if (region.startsWith("us-gov-")) {
        return "aws-us-gov";
    }
    return "aws";
}

/** A new, unique RAM ARN. */
export function newRamArn(type: RamResourceType, region: string, accountId: string): string {
    return `arn:${partitionOf(region)}:ram:${region}:${accountId}:${type}/${randomUUID()}`;
}

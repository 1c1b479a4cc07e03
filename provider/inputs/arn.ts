import { partitionOf, REGION_NAME } from "./regions";

/** The RAM resource types whose ARNs this library accepts as input. */
export type RamResourceType = "resource-share-invitation" | "resource-share";

/** The parts of a RAM ARN, `arn:<partition>:ram:<region>:<account>:<resourceType>/<id>`. */
export interface RamArn {
    readonly arn: string;
    readonly partition: string;
    readonly region: string;
    readonly accountId: string;
    readonly resourceType: RamResourceType;
    readonly resourceId: string;
}

/** Either the parsed ARN or every problem found in it, each phrased to be shown to a user. */
export type ParsedArn = { ok: true; value: RamArn } | { ok: false; problems: string[] };

/** An AWS account id: twelve digits. */
export const ACCOUNT_ID = /^\d{12}$/;
// RAM ids are UUIDs today; accept any non-empty run of URL-safe characters so that a future id
// format does not break existing programs, while still catching stray spaces and slashes.
const RESOURCE_ID = /^[A-Za-z0-9._-]+$/;
const EXAMPLE = {
    "resource-share-invitation":
        "arn:aws:ram:us-east-1:111122223333:resource-share-invitation/7ab63972-b505-7e2a-420d-6f5d3EXAMPLE",
    "resource-share": "arn:aws:ram:us-east-1:111122223333:resource-share/27d09b4b-5e12-41d1-a4f2-19dedEXAMPLE",
};

/**
 * Validates a RAM ARN offline and reports every problem at once, so that `pulumi preview` can
 * name all that is wrong with an input before any API call is made.
 */
export function parseRamArn(value: unknown, resourceType: RamResourceType): ParsedArn {
    if (typeof value !== "string") {
        return fail(`must be a string, got ${describeType(value)}`);
    }
    if (value.trim() === "") {
        return fail(`must not be empty; expected an ARN such as ${EXAMPLE[resourceType]}`);
    }
    if (value !== value.trim()) {
        return fail(`has leading or trailing white space: "${value}"`);
    }
    const fields = value.split(":");
    if (fields.length !== 6 || fields[0] !== "arn") {
        return fail(`"${value}" is not an ARN; expected the form ${EXAMPLE[resourceType]}`);
    }
    const [, arnPartition, service, region, accountId, resource] = fields;
    const problems: string[] = [];
    if (service !== "ram") {
        problems.push(`"${value}" names the service "${service}", expected "ram"`);
    }
    if (!REGION_NAME.test(region)) {
        problems.push(`"${value}" has no valid region (got "${region}", expected e.g. "us-east-1")`);
    } else {
        const regionPartition = partitionOf(region).name;
        if (regionPartition !== arnPartition) {
            problems.push(
                `"${value}" has partition "${arnPartition}" ` +
                    `but region "${region}" belongs to partition "${regionPartition}"`,
            );
        }
    }
    if (!ACCOUNT_ID.test(accountId)) {
        problems.push(`"${value}" has no valid account id (got "${accountId}", expected 12 digits)`);
    }
    const slash = resource.indexOf("/");
    const type = slash < 0 ? resource : resource.slice(0, slash);
    const id = slash < 0 ? "" : resource.slice(slash + 1);
    if (type !== resourceType) {
        problems.push(`"${value}" is a "${type}" ARN, expected a "${resourceType}" ARN`);
    } else if (!RESOURCE_ID.test(id)) {
        problems.push(`"${value}" has no valid ${resourceType} id after "${resourceType}/"`);
    }
    if (problems.length > 0) {
        return { ok: false, problems };
    }
    return {
        ok: true,
        value: { arn: value, partition: arnPartition, region, accountId, resourceType, resourceId: id },
    };
}

function fail(problem: string): ParsedArn {
    return { ok: false, problems: [problem] };
}

function describeType(value: unknown): string {
    if (value === null) {
        return "null";
    }
    if (Array.isArray(value)) {
        return "a list";
    }
    return typeof value === "object" ? "an object" : `a ${typeof value}`;
}

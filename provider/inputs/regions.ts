import { partition } from "@aws-sdk/core/client";

/**
 * Region names are lower-case words joined by dashes that end in a number (us-east-1,
 * us-gov-west-1, eusc-de-east-1); which partition a region belongs to is decided by the SDK's
 * partition table. The pattern leaves out the table's pseudo-regions such as "aws-global".
 */
export const REGION_NAME = /^[a-z]{2,4}(-[a-z]+)+-\d{1,2}$/;

/**
 * What the SDK's partition table says of each region asked about, by region. The table is searched
 * entry by entry, and every ARN check (each resource's `check` and `create`) asks about its region.
 * Plain data, filled on use: it survives Pulumi serializing the provider by value.
 */
const PARTITION_OF: Record<string, { name: string; description?: string }> = {};

/** The SDK's partition entry for `region`, looked up once per region. */
export function partitionOf(region: string): { name: string; description?: string } {
    return (PARTITION_OF[region] ??= partition(region) as { name: string; description?: string });
}

/**
 * What is wrong with `region` as an AWS region name, or undefined when it is a region the installed
 * AWS SDK knows (its partition table names it; a table entry has a description, a name that only
 * matches a partition's pattern has none).
 */
export function describeRegionProblem(region: unknown): string | undefined {
    if (typeof region !== "string" || region === "") {
        return `must be an AWS region name such as "us-east-1", got ${JSON.stringify(region)}`;
    }
    const known = REGION_NAME.test(region) && partitionOf(region).description !== undefined;
    return known
        ? undefined
        : `"${region}" is not a region the AWS SDK knows (e.g. "us-east-1", "eu-west-1"); ` +
              `check the spelling, or update @aws-sdk/core if the region is new`;
}

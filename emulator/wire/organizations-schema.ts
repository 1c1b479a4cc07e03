/**
 * AWS Organizations' service model, read from the runtime schema that
 * `@aws-sdk/client-organizations` ships (decoded by sdk-schema.ts): the served operations with
 * their input shapes, and the modelled errors with their HTTP status. Organizations speaks
 * awsJson1_1, so an operation is named by the `X-Amz-Target` header, not by a path.
 */
import * as organizations from "@aws-sdk/client-organizations";
import { ErrorShape, ErrorTable, readOperationSchema, SdkModule, StructureShape } from "./sdk-schema";

type SdkExports = typeof organizations;

const PACKAGE = "@aws-sdk/client-organizations";

/** What `X-Amz-Target` starts with on every Organizations request: the service's JSON target prefix. */
export const ORGANIZATIONS_TARGET_PREFIX = "AWSOrganizationsV20161128.";

/** The names of the errors the Organizations model declares: exactly the SDK's error classes. */
export type OrganizationsErrorName = Exclude<
    {
        [K in keyof SdkExports]: SdkExports[K] extends new (
            ...args: never[]
        ) => organizations.OrganizationsServiceException
            ? K
            : never;
    }[keyof SdkExports],
    "OrganizationsServiceException"
>;

/** The Organizations operations the emulator serves, named like the SDK's commands without `Command`. */
export const ORGANIZATIONS_OPERATIONS = [
    "DescribeOrganization",
    "ListRoots",
    "ListAccounts",
    "ListAccountsForParent",
    "ListOrganizationalUnitsForParent",
    "DescribeOrganizationalUnit",
    "DescribeAccount",
] as const;

/** One of {@link ORGANIZATIONS_OPERATIONS}. */
export type OrganizationsOperationName = (typeof ORGANIZATIONS_OPERATIONS)[number];

/** What validation needs to know about one operation. */
export interface OrganizationsOperationShape {
    name: OrganizationsOperationName;
    input: StructureShape;
}

const errorTable = new ErrorTable(organizations as unknown as SdkModule, PACKAGE);

/** Organizations' modelled errors by name, straight from the SDK's schema. */
export function organizationsErrorShape(name: OrganizationsErrorName): ErrorShape {
    return errorTable.get(name);
}

/** Every modelled error that has a status, for fault injection, documentation and tests. */
export function allOrganizationsErrorShapes(): ErrorShape[] {
    return errorTable.all();
}

/** The served operations, by name. */
export const ORGANIZATIONS_OPERATION_SHAPES: ReadonlyMap<OrganizationsOperationName, OrganizationsOperationShape> =
    new Map(
        ORGANIZATIONS_OPERATIONS.map((name) => [
            name,
            { name, input: readOperationSchema(organizations as unknown as SdkModule, PACKAGE, name).input },
        ]),
    );

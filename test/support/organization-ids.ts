/**
 * The ids of the one AWS Organization the tests of organization targets read, in every layer (the
 * unit tests' plain data, the emulator's seeds): its root, an OU with a nested OU, another OU, and
 * the member accounts by where they stand.
 */
export const ORGANIZATION_ID = "o-a1b2c3d4e5";
export const ROOT_ID = "r-ab12";
/** The OU a policy allows: "platform". */
export const ALLOWED_OU = "ou-ab12-platform1";
/** Below {@link ALLOWED_OU}. */
export const NESTED_OU = "ou-ab12-nested111";
/** Beside {@link ALLOWED_OU}: "sandbox". */
export const OTHER_OU = "ou-ab12-sandbox11";

/** The member accounts, by where they stand. */
export const MEMBER_IDS = {
    inOu: "100000000002",
    inNestedOu: "100000000003",
    /** SUSPENDED, in the nested OU. */
    suspended: "100000000004",
    inOtherOu: "100000000005",
};

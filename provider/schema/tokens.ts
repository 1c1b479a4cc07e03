/**
 * The package's name and the type tokens of what its plugin serves: the names every SDK and Pulumi
 * YAML program use. Both the schema (./package-schema.ts) and the plugin's shells take them from here;
 * a named type's token (`#/types/<token>`) is written beside its table.
 */
export const PACKAGE_NAME = "ram-invitations";

export const REJECTION_TOKEN = `${PACKAGE_NAME}:index:InvitationRejection` as const;
export const ACCEPTANCE_TOKEN = `${PACKAGE_NAME}:index:InvitationAcceptance` as const;
export const POLICY_TOKEN = `${PACKAGE_NAME}:index:InvitationPolicy` as const;
export const GET_INVITATIONS_TOKEN = `${PACKAGE_NAME}:index:getInvitations` as const;

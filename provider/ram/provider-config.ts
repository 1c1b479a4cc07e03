/**
 * The provider's configuration as the AWS side takes it: how every resource, function and
 * component of one provider reaches AWS unless it says otherwise. Parsed from stack config or an
 * explicit provider's inputs by ../core/provider-config.ts.
 */
/** Where a service's requests go instead of AWS's own endpoint (e.g. a VPC endpoint, or a local emulator). */
export interface ServiceEndpoints {
    ram?: string;
    sts?: string;
    /** AWS Organizations, read for a policy's allowedOrganizationTargets. */
    organizations?: string;
}

export interface ProviderConfig {
    /** The region of calls that name none (getInvitations, a policy without `regions`). */
    region?: string;
    /** The shared-config profile whose credentials sign every call (and every AssumeRole). */
    profile?: string;
    endpoints?: ServiceEndpoints;
    /** The role every resource without a `roleArn` of its own acts through. */
    roleArn?: string;
    externalId?: string;
    roleSessionName?: string;
    /** The only accounts this provider may act in; refused before any RAM request otherwise. */
    allowedAccountIds?: string[];
}

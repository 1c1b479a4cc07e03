/**
 * The organizations this process has read, one resolution per identity that reads them: a run
 * reads each organization once, however many policies (every account of a fleet, both shells in
 * one plugin process) name its OUs. An identity belongs to one organization, so the identity's key
 * (its role, profile and endpoint) is the organization's key too; `o-…` targets are checked
 * against the organization it reads.
 *
 * The dynamic shell makes a new RamSession for each policy, so the cache cannot live on a session;
 * it is process-wide, as plain data (see test/unit/provider-module-scope.test.ts).
 */
import { accessKey } from "../ram/role-access";
import type { RamSession } from "../ram/ram-session";
import { SdkOrganizationReader } from "./reader";
import { OrganizationResolution, ResolvedTargets } from "./resolution";

const RESOLUTIONS: Record<string, OrganizationResolution> = {};

/**
 * The ACTIVE accounts of each of `targets`, read as `session`'s identity (its role, or the provider's
 * credentials), once per process; an OrganizationReadError when any of it cannot be read. `region`
 * only picks the partition: Organizations has one endpoint per partition.
 */
export function resolveOrganizationTargets(
    session: RamSession,
    targets: readonly string[],
    region: string,
): Promise<ResolvedTargets> {
    const { settings } = session;
    const endpoint =
        settings.endpoints?.organizations ??
        process.env.AWS_ENDPOINT_URL_ORGANIZATIONS ??
        process.env.AWS_ENDPOINT_URL ??
        "";
    const key = JSON.stringify([accessKey(settings.role), settings.profile ?? "", endpoint]);
    const through = settings.role
        ? `role ${settings.role.roleArn}`
        : `the provider's credentials${settings.profile ? ` (profile "${settings.profile}")` : ""}`;
    RESOLUTIONS[key] ??= new OrganizationResolution(
        new SdkOrganizationReader(region, settings, session.roleCredentials()),
        through,
    );
    return RESOLUTIONS[key].resolve(targets);
}

/** Forgets every organization read: for tests, whose emulator changes the organization between cases. */
export function forgetOrganizations(): void {
    for (const key of Object.keys(RESOLUTIONS)) {
        delete RESOLUTIONS[key];
    }
}

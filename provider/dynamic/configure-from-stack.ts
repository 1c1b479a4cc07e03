import { configError, providerConfigFromStack } from "../core/provider-config";
import { defaultRoleSessionName } from "../inputs/role-inputs";
import type { RamSessions } from "../ram/ram-sessions";

/**
 * Configures `sessions` from stack config as the dynamic provider receives it (every namespace);
 * configuration that cannot be used fails here, before any request.
 */
export function configureFromStack(sessions: RamSessions, get: (fullKey: string) => unknown): void {
    const { config, problems } = providerConfigFromStack(get);
    if (problems.length > 0) {
        throw configError(problems);
    }
    sessions.configure(config, stackSessionName());
}

/** The default role's session name, `pulumi-<project>-<stack>` where this process knows them. */
function stackSessionName(): string | undefined {
    const pulumi = require("@pulumi/pulumi") as typeof import("@pulumi/pulumi");
    const [project, stack] = [pulumi.getProject(), pulumi.getStack()];
    return project && stack ? defaultRoleSessionName(project, stack) : undefined;
}

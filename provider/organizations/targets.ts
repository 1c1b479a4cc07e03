/**
 * The ids a policy's `allowedOrganizationTargets` may name, with AWS Organizations' own patterns
 * (from the service model): the organization (`o-…`), its root (`r-…`) or an organizational unit
 * (`ou-…`, with every OU nested in it). Pure, so a preview fails on a malformed id before any call.
 */

/** What an organization target names. */
export type TargetKind = "organization" | "root" | "ou";

const TARGET_PATTERNS: Record<TargetKind, RegExp> = {
    organization: /^o-[a-z0-9]{10,32}$/,
    root: /^r-[0-9a-z]{4,32}$/,
    ou: /^ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}$/,
};

/** The kind of `target`, or undefined when it is none of the three ids. */
export function kindOfTarget(target: string): TargetKind | undefined {
    return (Object.keys(TARGET_PATTERNS) as TargetKind[]).find((kind) => TARGET_PATTERNS[kind].test(target));
}

/** What is wrong with `target` as an organization target, or undefined when it is one. */
export function describeTargetProblem(target: string): string | undefined {
    if (kindOfTarget(target) !== undefined) {
        return undefined;
    }
    const shape = target.startsWith("ou-")
        ? "an OU id is ou-<4 to 32 of a-z 0-9>-<8 to 32 of a-z 0-9>"
        : target.startsWith("r-")
          ? "a root id is r-<4 to 32 of a-z 0-9>"
          : target.startsWith("o-")
            ? "an organization id is o-<10 to 32 of a-z 0-9>"
            : /^\d{12}$/.test(target)
              ? "an account id belongs in allowedSenderAccountIds"
              : "the targets are organization ids (o-…), root ids (r-…) and OU ids (ou-…)";
    return (
        `${JSON.stringify(target)} is not an organization, root or OU id (${shape}); copy the id from the AWS ` +
        `Organizations console or \`aws organizations list-organizational-units-for-parent\``
    );
}

/** How a target is named in messages: "OU ou-…", "root r-…", "organization o-…". */
export function describeTarget(target: string): string {
    const kind = kindOfTarget(target);
    return `${kind === "ou" ? "OU" : kind === undefined ? "target" : kind} ${target}`;
}

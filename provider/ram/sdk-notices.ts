const NODE_VERSION_NOTICE = "AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED";

/**
 * The AWS SDK prints a NodeVersionSupportWarning on Node.js 20 (its releases after January 2027
 * will need Node.js 22). This package supports Node.js 20, and the notice would repeat in every
 * Pulumi update's output, so the provider turns off that one notice, through the SDK's own
 * switch, unless the user has set the switch. An empty value counts as unset, as for the SDK's
 * other variables (a pipeline that blanks every AWS_ variable must not bring the notice back).
 * Other warnings are untouched.
 */
export function silenceNodeVersionNotice(): void {
    if (!process.env[NODE_VERSION_NOTICE]) {
        process.env[NODE_VERSION_NOTICE] = "true";
    }
}

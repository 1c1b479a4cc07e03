/**
 * `ram-invitations:index:InvitationRejection` as the provider plugin serves it: a thin shell over
 * the same core as the dynamic resource (check, diff, create, read, update, the token, the errors).
 * What the dynamic resource's program does before the provider sees the inputs, the plugin does
 * here, from the URN the engine passes: the client token, and the default role session name.
 */
import type * as provider from "@pulumi/pulumi/provider";
import { unknownValue } from "@pulumi/pulumi/runtime/rpc";
import { checkRejection } from "../rejection/check";
import { deriveClientToken } from "../rejection/client-token";
import { createRejection } from "../rejection/create";
import { forgetRejection } from "../rejection/delete";
import { diffRejection } from "../rejection/diff";
import { importRejection, parseImportId } from "../rejection/import";
import type { RejectionInputs, RejectionState } from "../rejection/properties";
import { readRejection } from "../rejection/read";
import { defaultRoleSessionName } from "../rejection/role-inputs";
import { updateRejection } from "../rejection/update";
import { PREVIEW_INPUT } from "../rejection/update-phase";
import type { RamSessions } from "../ram/sessions";
import { stackAndProjectOf } from "./urn";
import { plainProperties, withSecrets } from "./wire-values";

export const REJECTION_TOKEN = "ram-invitations:index:InvitationRejection";

/** Where a dynamic resource keeps its provider's code, in its inputs and outputs. */
const DYNAMIC_PROVIDER_OUTPUT = "__provider";

/** Kept secret in state whether or not the program marked it secret. */
const SECRET_PROPERTIES = ["externalId"] as const;

export class RejectionResource {
    constructor(private readonly sessions: RamSessions) {}

    async check(urn: string, olds: object, news: object): Promise<provider.CheckResult> {
        const given = plainProperties(news as Record<string, unknown>);
        const failures: provider.CheckFailure[] = [];
        if (given.clientToken !== undefined) {
            failures.push({
                property: "clientToken",
                reason: "clientToken is an output: the provider derives it from the resource's URN; remove it",
            });
        }
        const { stack, project } = stackAndProjectOf(urn);
        const selector = given.invitationArn ?? given.resourceShareArn ?? "";
        const inputs: Partial<RejectionInputs> = {
            ...(given as Partial<RejectionInputs>),
            clientToken: selector === unknownValue ? unknownValue : deriveClientToken(urn, String(selector)),
            roleSessionName:
                (given.roleSessionName as string | undefined) ??
                (given.roleArn === undefined ? undefined : defaultRoleSessionName(project, stack)),
            // The engine does not tell a plugin's check whether it previews, so it judges the invitation
            // as in a preview: whatever RAM would refuse fails check, in `preview` and `up` alike.
            [PREVIEW_INPUT]: true,
        };
        const checked = await checkRejection(this.sessions, plainProperties(olds as Record<string, unknown>), inputs);
        return {
            inputs: withSecrets(checked.inputs as object, SECRET_PROPERTIES),
            failures: [...failures, ...(checked.failures ?? [])],
        };
    }

    async diff(olds: object, news: object): Promise<provider.DiffResult> {
        return diffRejection(
            plainProperties(olds as Record<string, unknown>) as unknown as RejectionState,
            plainProperties(news as Record<string, unknown>) as unknown as RejectionInputs,
        );
    }

    async create(inputs: object): Promise<provider.CreateResult> {
        const created = await createRejection(
            this.sessions,
            plainProperties(inputs as Record<string, unknown>) as unknown as RejectionInputs,
        );
        return { id: created.id, outs: withSecrets(created.outs as RejectionState, SECRET_PROPERTIES) };
    }

    async update(olds: object, news: object): Promise<provider.UpdateResult> {
        const updated = updateRejection(
            plainProperties(olds as Record<string, unknown>) as unknown as RejectionState,
            plainProperties(news as Record<string, unknown>) as unknown as RejectionInputs,
        );
        return { outs: withSecrets(updated.outs as RejectionState, SECRET_PROPERTIES) };
    }

    delete(id: string): Promise<void> {
        return forgetRejection(id);
    }

    /** Refresh, or `pulumi import` when there is no state yet (the id is then the import id). */
    async read(id: string, urn: string, props: object | undefined): Promise<provider.ReadResult> {
        const state = plainProperties(props as Record<string, unknown> | undefined) as Partial<RejectionState>;
        if (state.invitationArn === undefined) {
            return this.import(id, urn);
        }
        const read = await readRejection(this.sessions, id, state as RejectionState);
        // State moved over from the dynamic resource (an alias) still holds its provider's code: drop it.
        const { [DYNAMIC_PROVIDER_OUTPUT]: _dynamicProvider, ...current } = read.props as RejectionState & {
            [DYNAMIC_PROVIDER_OUTPUT]?: string;
        };
        return { id: read.id, props: withSecrets(current, SECRET_PROPERTIES) };
    }

    /** Adopts an invitation that is already rejected; the inputs returned are what the printed code declares. */
    private async import(importId: string, urn: string): Promise<provider.ReadResult> {
        const { stack, project } = stackAndProjectOf(urn);
        const target = parseImportId(importId, defaultRoleSessionName(project, stack));
        const state = await importRejection(this.sessions, target, urn);
        return {
            id: state.invitationArn,
            props: withSecrets(state, SECRET_PROPERTIES),
            inputs: { invitationArn: state.invitationArn, ...(state.roleArn ? { roleArn: state.roleArn } : {}) },
        };
    }
}

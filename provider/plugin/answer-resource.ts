/**
 * An answer to an invitation (`ram-invitations:index:InvitationRejection` and
 * `...:InvitationAcceptance`) as the provider plugin serves it: a thin shell over the same core as
 * the dynamic resources (check, diff, create, read, update, delete, import, the token, the errors).
 * What a dynamic resource's program does before its provider sees the inputs, the plugin does here,
 * from the URN the engine passes: the client token, and the default role session name.
 */
import { unknownValue } from "@pulumi/pulumi/runtime/rpc";
import { parseImportId } from "../inputs/import-id";
import type { AnswerLifecycle } from "../core/answer/lifecycle";
import { DEFERRED_FAILURE_INPUT } from "../core/answer/phase";
import { defaultRoleSessionName } from "../inputs/role-inputs";
import type { RamSessions } from "../ram/ram-sessions";
import { stackAndProjectOf } from "./urn";
import type { CheckResult, CreateResult, DiffResult, ReadResult } from "./server/plugin-provider";
import { plainProperties, withSecrets } from "./wire-values";

/** Where a dynamic resource keeps its provider's code, in its inputs and outputs. */
const DYNAMIC_PROVIDER_OUTPUT = "__provider";

type Plain = Record<string, unknown>;

export class AnswerResource {
    constructor(
        private readonly lifecycle: AnswerLifecycle,
        private readonly sessions: RamSessions,
        /** Kept secret in state whether or not the program marked them secret: the schema's secret properties. */
        private readonly secretProperties: readonly string[],
    ) {}

    async check(urn: string, olds: object, news: object): Promise<CheckResult> {
        const given = plainProperties(news as Plain);
        const failures: CheckResult["failures"] = [];
        if (given.clientToken !== undefined) {
            failures.push({
                property: "clientToken",
                reason: "clientToken is an output: the provider derives it from the resource's URN; remove it",
            });
        }
        const { stack, project } = stackAndProjectOf(urn);
        const selector = given.invitationArn ?? given.resourceShareArn ?? "";
        const inputs: Plain = {
            ...given,
            clientToken: selector === unknownValue ? unknownValue : this.lifecycle.deriveToken(urn, String(selector)),
            roleSessionName:
                (given.roleSessionName as string | undefined) ??
                (given.roleArn === undefined ? undefined : defaultRoleSessionName(project, stack)),
        };
        // The engine does not tell check whether it previews; what RAM will refuse is judged in Create,
        // which the engine calls in a preview too (see ../core/answer/phase.ts).
        const checked = await this.lifecycle.check(this.sessions, plainProperties(olds as Plain), inputs, "update");
        return {
            inputs: withSecrets(checked.inputs as object, this.secretProperties),
            failures: [...failures, ...(checked.failures ?? [])],
        };
    }

    async diff(olds: object, news: object): Promise<DiffResult> {
        return this.lifecycle.diff(plainProperties(olds as Plain), plainProperties(news as Plain));
    }

    /**
     * In a preview: fails where RAM will refuse (the same message as in the update), and shows the
     * inputs `check` completed as the outputs to be. In the update: the answer itself.
     */
    async create(inputs: object, preview: boolean): Promise<CreateResult> {
        const plain = plainProperties(inputs as Plain);
        if (preview) {
            const deferred = plain[DEFERRED_FAILURE_INPUT];
            if (deferred !== undefined) {
                throw new Error(String(deferred));
            }
            const outputsToBe = Object.fromEntries(Object.entries(plain).filter(([key]) => !key.startsWith("__")));
            return { id: "", outs: withSecrets(outputsToBe, this.secretProperties) };
        }
        const created = await this.lifecycle.create(this.sessions, plain);
        return { id: created.id, outs: withSecrets(created.outs as object, this.secretProperties) };
    }

    async update(olds: object, news: object): Promise<{ outs: Plain }> {
        const updated = this.lifecycle.update(plainProperties(olds as Plain), plainProperties(news as Plain));
        return { outs: withSecrets(updated.outs as object, this.secretProperties) };
    }

    delete(id: string, props: object): Promise<void> {
        return this.lifecycle.delete(this.sessions, id, plainProperties(props as Plain));
    }

    /** Refresh, or `pulumi import` when there is no state yet (the id is then the import id). */
    async read(id: string, urn: string, props: object | undefined): Promise<ReadResult> {
        const state = plainProperties(props as Plain | undefined);
        if (state.invitationArn === undefined) {
            return this.import(id, urn);
        }
        const read = await this.lifecycle.read(this.sessions, id, state);
        // State moved over from the dynamic resource (an alias) still holds its provider's code: drop it.
        const { [DYNAMIC_PROVIDER_OUTPUT]: _dynamicProvider, ...current } = read.props as Plain;
        return { id: read.id ?? id, props: withSecrets(current, this.secretProperties) };
    }

    /** Adopts an invitation already answered so; the inputs returned are what the printed code declares. */
    private async import(importId: string, urn: string): Promise<ReadResult> {
        const { stack, project } = stackAndProjectOf(urn);
        const target = parseImportId(importId, defaultRoleSessionName(project, stack));
        const state = await this.lifecycle.importState(this.sessions, target, urn);
        return {
            id: state.invitationArn,
            props: withSecrets(state, this.secretProperties),
            inputs: { invitationArn: state.invitationArn, ...(state.roleArn ? { roleArn: state.roleArn } : {}) },
        };
    }
}

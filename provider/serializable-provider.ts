/**
 * The dynamic provider as Pulumi serializes it into the state of every rejection (`__provider`):
 * this module itself. Pulumi writes a module found under node_modules as a `require` of it, so
 * for an installed package the text in state is one line, instead of the implementation, in
 * every resource and in every checkpoint the engine writes. (A module elsewhere, as in this
 * repository's own programs, is written by value; that works the same, only larger.)
 *
 * The functions keep the real provider on `this`, the object the provider process loads once
 * and calls for every resource of a run: all resources share one provider, so one invitation
 * loader and one client per region. A module variable would not do: serialized by value, each
 * call would see a fresh copy of it.
 *
 * This file stays at provider/serializable-provider.ts: for an installed package, state written
 * by every release holds a `require` of this very path, and Pulumi loads the provider from state
 * to refresh, or to delete resources that left the program.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { RejectionInputs, RejectionState } from "./core/answer/properties";
import { RejectionProvider, rejectionProvider } from "./dynamic/answer-provider";

interface Holder {
    instance?: RejectionProvider;
}

function provider(holder: Holder): RejectionProvider {
    holder.instance ??= rejectionProvider();
    return holder.instance;
}

export function configure(this: Holder, request: pulumi.dynamic.ConfigureRequest): Promise<void> {
    return provider(this).configure(request);
}

export function check(
    this: Holder,
    olds: Partial<RejectionInputs>,
    news: Partial<RejectionInputs>,
): Promise<pulumi.dynamic.CheckResult> {
    return provider(this).check(olds, news);
}

export function diff(
    this: Holder,
    id: pulumi.ID,
    olds: RejectionState,
    news: RejectionInputs,
): Promise<pulumi.dynamic.DiffResult> {
    return provider(this).diff(id, olds, news);
}

export function create(this: Holder, inputs: RejectionInputs): Promise<pulumi.dynamic.CreateResult<RejectionState>> {
    return provider(this).create(inputs);
}

export function update(
    this: Holder,
    id: pulumi.ID,
    olds: RejectionState,
    news: RejectionInputs,
): Promise<pulumi.dynamic.UpdateResult> {
    return provider(this).update(id, olds, news);
}

export function read(
    this: Holder,
    id: pulumi.ID,
    props?: RejectionState,
): Promise<pulumi.dynamic.ReadResult<RejectionState>> {
    return provider(this).read(id, props);
}

// `delete` is a reserved word, so it cannot be a function's name; it is exported under it.
function deleteResource(this: Holder, id: pulumi.ID, props: RejectionState): Promise<void> {
    return provider(this).delete(id, props);
}
export { deleteResource as delete };

/**
 * The provider as a program that imports the library by path hands it to Pulumi: serialized by
 * value with Pulumi's own closure serializer, then loaded from that text the way Pulumi's
 * dynamic-provider process does (a module compiled from a string).
 */
import Module from "node:module";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import * as serializableProvider from "../../provider/serializable-provider";

/** The text Pulumi stores as `__provider` for a program that imports the library by path. */
export async function serializeProviderByValue(): Promise<string> {
    const { text } = await pulumi.runtime.serializeFunction(() => serializableProvider, { allowSecrets: true });
    return text;
}

/** A fresh provider loaded from serialized text, as the provider process loads it. */
export function loadSerializedProvider(text: string): pulumi.dynamic.ResourceProvider {
    const filename = path.join(process.cwd(), "__serialized_provider.js");
    const loaded = new Module(filename, module) as Module & { _compile(code: string, file: string): void };
    loaded.filename = filename;
    loaded.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(process.cwd());
    loaded._compile(text, filename);
    return (loaded.exports as { handler(): pulumi.dynamic.ResourceProvider }).handler();
}

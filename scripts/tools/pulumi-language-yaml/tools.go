//go:build tools

// Package tools pins the Pulumi YAML language host, pulumi-language-yaml, from the module
// github.com/pulumi/pulumi-yaml at v1.25.0, the newest release the Go module proxy serves here.
//
// It has a module of its own, not the CLI's (../go.mod): v1.25.0 is built against
// github.com/pulumi/pulumi/pkg/v3 v3.206.0 and does not compile against the CLI's v3.248.0
// (pkg/pulumiyaml/packages.go passes a plugin.Host where v3.248.0's schema.NewPluginLoader takes a
// *plugin.Context, and calls plugin.NewContextWithRoot with an older argument list). That is how
// Pulumi ships it too: the CLI and each language host are separate executables that speak gRPC,
// each built against its own pulumi/pkg.
//
// What scripts/ensure-pulumi builds into .tools/pulumi/bin beside the CLI, where the engine finds it,
// is not upstream's main imported below but ./cmd/pulumi-language-yaml: a copy of it that health-checks
// the engine every 2 s instead of every 5 minutes (so the host exits soon after a SIGKILLed `pulumi up`),
// the rest (pkg/server's language host, flags) being upstream's. The import keeps upstream's main in
// the module graph, so `go mod tidy` keeps everything it needs.
// To bump: GONOSUMDB=github.com/pulumi go get github.com/pulumi/pulumi-yaml@vX.Y.Z && go mod tidy,
// then carry upstream's changes to cmd/pulumi-language-yaml/main.go over into ours.
package tools

import _ "github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml"

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
// scripts/ensure-pulumi builds it into .tools/pulumi/bin beside the CLI, where the engine finds it.
// To bump: GONOSUMDB=github.com/pulumi go get github.com/pulumi/pulumi-yaml@vX.Y.Z && go mod tidy.
package tools

import _ "github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml"

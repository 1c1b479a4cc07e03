//go:build tools

// Package tools pins the Go-built tools of this repository, the way Pulumi's own provider
// repositories pin the Pulumi CLI: go.mod/go.sum fix every version, and scripts/ensure-pulumi
// builds from them with `go build` (so `go mod tidy` keeps these requirements).
//
// The pin: github.com/pulumi/pulumi/pkg/v3 v3.248.0, the CLI and engine. It must equal the npm
// devDependency @pulumi/pulumi in package.json (3.248.0, the newest release that supports Node 20):
// the Node.js SDK and the engine speak one protocol version, and `pulumi version` reports it
// (ensure-pulumi stamps it with -ldflags).
//
// The Node.js language host is ./pulumi-language-nodejs, a small host of our own, because the
// official one cannot be fetched here: the module github.com/pulumi/pulumi/sdk/nodejs/cmd/
// pulumi-language-nodejs/v3 has no tags, only pseudo-versions, and the Go module proxy answers
// 403 "This module version is not available" for @v/list, @latest, the pseudo-version of the
// v3.248.0 release commit (v3.0.0-20260624180030-dc7edd58bc13, from pkg/v3@v3.248.0.info:
// Origin.Hash dc7edd58bc13, Time 2026-06-24T18:00:30Z) and older pinned ones
// (v3.0.0-20241010194211-2d3b850b6020). The dynamic-provider launcher pulumi-resource-pulumi-nodejs
// is a shell script shipped in the sdk/v3 module (nodejs/dist), which ensure-pulumi copies.
//
// To bump: pick the version of the npm package @pulumi/pulumi, then in this folder run
//
//	GONOSUMDB=github.com/pulumi/pulumi/pkg go get github.com/pulumi/pulumi/pkg/v3@vX.Y.Z && go mod tidy
//
// (the checksum database that this machine reaches has no entry for pkg/v3@v3.248.0, so its go.sum
// line comes from the downloaded module; builds then verify against go.sum and need no GONOSUMDB).
// The Python and Go hosts are ./pulumi-language-python and ./pulumi-language-go, small hosts of
// ours for the same reason (their modules, .../sdk/python/cmd/pulumi-language-python/v3 and
// .../sdk/go/pulumi-language-go/v3, are refused alike); the three share ./langhost, and answer
// `pulumi package gen-sdk` with ./sdkgen. The YAML host has a module of its own:
// ./pulumi-language-yaml/tools.go says why.
//
// If the proxy starts serving the official host at the release commit's pseudo-version, replace
// ./pulumi-language-nodejs with a blank import of it.
package tools

import _ "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi"

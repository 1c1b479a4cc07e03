// Command pulumi-language-nodejs is a small Node.js language host for the Pulumi engine.
//
// Why it exists: Pulumi's own host (module github.com/pulumi/pulumi/sdk/nodejs/cmd/pulumi-language-nodejs/v3)
// is only published as untagged pseudo-versions, and the Go module proxy this project can reach refuses
// every one of them (403 "This module version is not available"; see ../tools.go). The engine only needs
// a gRPC LanguageRuntime server, and all of the real work of running a program (ts-node, config, the
// resource monitor connection, error reporting) lives in the npm package @pulumi/pulumi, in
// `@pulumi/pulumi/cmd/run`. So this host does what the official one does for `preview`/`up`/`refresh`/
// `destroy`: it starts that script with the engine's arguments and reports how it exited.
//
// It also answers GeneratePackage (`pulumi package gen-sdk --language nodejs`) with Pulumi's own
// TypeScript generator (see ../sdkgen).
//
// Not implemented (the engine falls back or the command fails with "unimplemented"): dependency
// installation (`pulumi install`), program code generation, policy packs and source-based plugins.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"time"

	"github.com/pulumi/pulumi/sdk/v3/go/common/util/rpcutil"
	"github.com/pulumi/pulumi/sdk/v3/go/common/version"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"google.golang.org/grpc"
	"google.golang.org/protobuf/types/known/emptypb"

	"pulumi-ram-invitations/scripts/tools/sdkgen"
)

// `@pulumi/pulumi/cmd/run` exits with this code when it has already reported the error to the engine;
// the engine must then stop without printing a second, less useful message (RunResponse.Bail).
const exitCodeErrorAlreadyReported = 32

// How often to check that the engine is still alive. When `pulumi` is killed, its plugins are not, so
// the host notices on its own and exits (taking the program with it) instead of lingering.
const engineHealthInterval = 2 * time.Second

func main() {
	// The engine passes these flags to every plugin. glog (imported through rpcutil) already registers
	// -v and -logtostderr; -tracing is forwarded to the program.
	tracing := flag.String("tracing", "", "Zipkin-compatible tracing endpoint")
	flag.Parse()
	engineAddress := flag.Arg(0)

	ctx, stop := context.WithCancel(context.Background())
	defer stop()
	if engineAddress != "" {
		if err := rpcutil.Healthcheck(ctx, engineAddress, engineHealthInterval, stop); err != nil {
			fail("could not watch the engine", err)
		}
	}

	cancel := make(chan bool)
	go func() { <-ctx.Done(); close(cancel) }()
	handle, err := rpcutil.ServeWithOptions(rpcutil.ServeOptions{
		Cancel: cancel,
		Init: func(srv *grpc.Server) error {
			h := &host{ctx: ctx, engineAddress: engineAddress, tracing: *tracing}
			pulumirpc.RegisterLanguageRuntimeServer(srv, h)
			return nil
		},
	})
	if err != nil {
		fail("could not start the language host RPC server", err)
	}
	// The engine reads the port from the first line of stdout.
	fmt.Println(handle.Port)
	if err := <-handle.Done; err != nil {
		fail("language host RPC server stopped", err)
	}
}

func fail(what string, err error) {
	fmt.Fprintf(os.Stderr, "pulumi-language-nodejs: %s: %v\n", what, err)
	os.Exit(1)
}

type host struct {
	pulumirpc.UnimplementedLanguageRuntimeServer
	ctx           context.Context // done when the engine is gone
	engineAddress string
	tracing       string
}

func (h *host) GetPluginInfo(context.Context, *emptypb.Empty) (*pulumirpc.PluginInfo, error) {
	return &pulumirpc.PluginInfo{Version: version.Version}, nil
}

// Resource plugins are loaded on demand when the program registers a resource; the dynamic provider
// plugin (pulumi-resource-pulumi-nodejs) is found next to the `pulumi` binary. Declaring nothing up
// front avoids the engine pre-loading (or trying to download) plugins of unused npm dependencies.
func (h *host) GetRequiredPlugins(
	context.Context, *pulumirpc.GetRequiredPluginsRequest,
) (*pulumirpc.GetRequiredPluginsResponse, error) {
	return &pulumirpc.GetRequiredPluginsResponse{}, nil
}

func (h *host) GetRequiredPackages(
	context.Context, *pulumirpc.GetRequiredPackagesRequest,
) (*pulumirpc.GetRequiredPackagesResponse, error) {
	return &pulumirpc.GetRequiredPackagesResponse{}, nil
}

// About feeds the update metadata that `pulumi up` records (and `pulumi about`).
func (h *host) About(ctx context.Context, _ *pulumirpc.AboutRequest) (*pulumirpc.AboutResponse, error) {
	node, err := exec.LookPath("node")
	if err != nil {
		return nil, errors.New("could not find node on the $PATH")
	}
	out, err := exec.CommandContext(ctx, node, "--version").Output()
	if err != nil {
		return nil, fmt.Errorf("node --version: %w", err)
	}
	return &pulumirpc.AboutResponse{Executable: node, Version: strings.TrimSpace(string(out))}, nil
}

// Cancel has nothing to do: a running program is stopped through the context of its Run call.
func (h *host) GeneratePackage(
	ctx context.Context, req *pulumirpc.GeneratePackageRequest,
) (*pulumirpc.GeneratePackageResponse, error) {
	return sdkgen.GeneratePackage(ctx, sdkgen.NodeJS, req)
}

func (h *host) Cancel(context.Context, *emptypb.Empty) (*emptypb.Empty, error) {
	return &emptypb.Empty{}, nil
}

func (h *host) Run(ctx context.Context, req *pulumirpc.RunRequest) (*pulumirpc.RunResponse, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	defer context.AfterFunc(h.ctx, cancel)()

	node, err := exec.LookPath("node")
	if err != nil {
		return nil, errors.New("could not find node on the $PATH")
	}
	// Resolve the SDK the way the program itself will, so that the program's own @pulumi/pulumi runs it.
	resolve := exec.CommandContext(ctx, node, "-e",
		`process.stdout.write(require.resolve("@pulumi/pulumi/cmd/run"))`)
	resolve.Dir = req.GetPwd()
	runPath, err := resolve.Output()
	if err != nil {
		return nil, fmt.Errorf("could not find @pulumi/pulumi from %s; have you run npm install? (%w)",
			req.GetPwd(), err)
	}

	options := req.GetInfo().GetOptions().AsMap()
	env, err := programEnv(req, options)
	if err != nil {
		return nil, err
	}

	args := nodeArgs(options)
	args = append(args, string(runPath),
		"--monitor", req.GetMonitorAddress(),
		"--engine", h.engineAddress,
		"--organization", req.GetOrganization(),
		"--project", req.GetProject(),
		"--stack", req.GetStack(),
		"--pwd", req.GetPwd(),
		"--root-directory", req.GetInfo().GetRootDirectory(),
		"--parallel", fmt.Sprint(req.GetParallel()),
	)
	if req.GetDryRun() {
		args = append(args, "--dry-run")
	}
	if h.tracing != "" {
		args = append(args, "--tracing", h.tracing)
	}
	program := req.GetProgram()
	if program == "" {
		program = "." // let @pulumi/pulumi pick package.json's "main"/"exports"
	}
	args = append(append(args, program), req.GetArgs()...)

	// The engine shows the host's stdout/stderr as the program's output.
	cmd := exec.CommandContext(ctx, node, args...)
	cmd.Dir = req.GetPwd()
	cmd.Env = env
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	var exitErr *exec.ExitError
	switch err := cmd.Run(); {
	case err == nil:
		return &pulumirpc.RunResponse{}, nil
	case errors.As(err, &exitErr) && exitErr.ExitCode() == exitCodeErrorAlreadyReported:
		return &pulumirpc.RunResponse{Bail: true}, nil
	case errors.As(err, &exitErr):
		return &pulumirpc.RunResponse{
			Error: fmt.Sprintf("Program exited with non-zero exit code: %d", exitErr.ExitCode()),
		}, nil
	default:
		return &pulumirpc.RunResponse{Error: fmt.Sprintf("Could not run node: %v", err)}, nil
	}
}

// programEnv passes what @pulumi/pulumi reads from the environment: the stack config and the
// Pulumi.yaml runtime options `typescript` (default true) and `tsconfig`.
func programEnv(req *pulumirpc.RunRequest, options map[string]any) ([]string, error) {
	// Never "null": the SDK reads these as an object and an array.
	configMap, secretKeyList := req.GetConfig(), req.GetConfigSecretKeys()
	if configMap == nil {
		configMap = map[string]string{}
	}
	if secretKeyList == nil {
		secretKeyList = []string{}
	}
	config, err := json.Marshal(configMap)
	if err != nil {
		return nil, err
	}
	secretKeys, err := json.Marshal(secretKeyList)
	if err != nil {
		return nil, err
	}
	typescript := true
	if v, ok := options["typescript"].(bool); ok {
		typescript = v
	}
	env := append(os.Environ(),
		"PULUMI_CONFIG="+string(config),
		"PULUMI_CONFIG_SECRET_KEYS="+string(secretKeys),
		fmt.Sprintf("PULUMI_NODEJS_TYPESCRIPT=%t", typescript),
	)
	if tsconfig, ok := options["tsconfig"].(string); ok && tsconfig != "" {
		env = append(env, "PULUMI_NODEJS_TSCONFIG_PATH="+tsconfig)
	}
	return env, nil
}

// nodeArgs honours the Pulumi.yaml runtime option `nodeargs` (e.g. "--no-deprecation").
func nodeArgs(options map[string]any) []string {
	s, _ := options["nodeargs"].(string)
	return strings.Fields(s)
}

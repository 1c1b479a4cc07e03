// Package langhost is what this repository's small language hosts share: serving the engine's
// LanguageRuntime gRPC service, the answers that are the same for every language, the stack config
// a program reads from its environment, and how a program's exit becomes the engine's RunResponse.
package langhost

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
)

// The exit code by which a language SDK's runner says it has already reported the error to the
// engine (Node.js's `@pulumi/pulumi/cmd/run` and Python's pulumi-language-python-exec alike); the
// engine must then stop without printing a second, less useful message (RunResponse.Bail).
const exitCodeErrorAlreadyReported = 32

// How often to check that the engine is still alive. When `pulumi` is killed, its plugins are not, so
// the host notices on its own and exits (taking the program with it) instead of lingering.
const engineHealthInterval = 2 * time.Second

// Engine is what the engine tells a host when it starts it.
type Engine struct {
	// Done when the engine is gone.
	Context context.Context
	Address string
	// A Zipkin-compatible tracing endpoint, for the program; may be empty.
	Tracing string
}

// Serve starts the host's gRPC server, prints its port (the engine reads it from stdout) and serves
// until the engine goes away. `name` prefixes fatal messages.
func Serve(name string, newHost func(Engine) pulumirpc.LanguageRuntimeServer) {
	// The engine passes these flags to every plugin. glog (imported through rpcutil) already registers
	// -v and -logtostderr; -tracing is forwarded to the program.
	tracing := flag.String("tracing", "", "Zipkin-compatible tracing endpoint")
	flag.Parse()
	engineAddress := flag.Arg(0)

	ctx, stop := context.WithCancel(context.Background())
	defer stop()
	if engineAddress != "" {
		if err := rpcutil.Healthcheck(ctx, engineAddress, engineHealthInterval, stop); err != nil {
			fail(name, "could not watch the engine", err)
		}
	}
	cancel := make(chan bool)
	go func() { <-ctx.Done(); close(cancel) }()
	handle, err := rpcutil.ServeWithOptions(rpcutil.ServeOptions{
		Cancel: cancel,
		Init: func(srv *grpc.Server) error {
			engine := Engine{Context: ctx, Address: engineAddress, Tracing: *tracing}
			pulumirpc.RegisterLanguageRuntimeServer(srv, newHost(engine))
			return nil
		},
	})
	if err != nil {
		fail(name, "could not start the language host RPC server", err)
	}
	fmt.Println(handle.Port)
	if err := <-handle.Done; err != nil {
		fail(name, "language host RPC server stopped", err)
	}
}

func fail(name, what string, err error) {
	fmt.Fprintf(os.Stderr, "%s: %s: %v\n", name, what, err)
	os.Exit(1)
}

// Common answers the requests whose answers are the same for every language of this repository.
type Common struct {
	pulumirpc.UnimplementedLanguageRuntimeServer
}

func (Common) GetPluginInfo(context.Context, *emptypb.Empty) (*pulumirpc.PluginInfo, error) {
	return &pulumirpc.PluginInfo{Version: version.Version}, nil
}

// Resource plugins are loaded on demand when the program registers a resource (a project names
// local ones under `plugins:` in Pulumi.yaml). Declaring nothing up front avoids the engine
// pre-loading (or trying to download) plugins of unused dependencies.
func (Common) GetRequiredPlugins(
	context.Context, *pulumirpc.GetRequiredPluginsRequest,
) (*pulumirpc.GetRequiredPluginsResponse, error) {
	return &pulumirpc.GetRequiredPluginsResponse{}, nil
}

func (Common) GetRequiredPackages(
	context.Context, *pulumirpc.GetRequiredPackagesRequest,
) (*pulumirpc.GetRequiredPackagesResponse, error) {
	return &pulumirpc.GetRequiredPackagesResponse{}, nil
}

// Cancel has nothing to do: a running program is stopped through the context of its Run call.
func (Common) Cancel(context.Context, *emptypb.Empty) (*emptypb.Empty, error) {
	return &emptypb.Empty{}, nil
}

// ConfigEnv is the process environment plus the stack config as the SDKs read it: PULUMI_CONFIG
// (an object) and PULUMI_CONFIG_SECRET_KEYS (an array), never "null".
func ConfigEnv(req *pulumirpc.RunRequest) ([]string, error) {
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
	return append(os.Environ(),
		"PULUMI_CONFIG="+string(config),
		"PULUMI_CONFIG_SECRET_KEYS="+string(secretKeys),
	), nil
}

// RunProgram runs the program's process to its end, its output shown by the engine as the
// program's, and says how it went. `runtime` names the interpreter in messages.
func RunProgram(cmd *exec.Cmd, runtime string) *pulumirpc.RunResponse {
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	var exitErr *exec.ExitError
	switch err := cmd.Run(); {
	case err == nil:
		return &pulumirpc.RunResponse{}
	case errors.As(err, &exitErr) && exitErr.ExitCode() == exitCodeErrorAlreadyReported:
		return &pulumirpc.RunResponse{Bail: true}
	case errors.As(err, &exitErr):
		return &pulumirpc.RunResponse{
			Error: fmt.Sprintf("Program exited with non-zero exit code: %d", exitErr.ExitCode()),
		}
	default:
		return &pulumirpc.RunResponse{Error: fmt.Sprintf("Could not run %s: %v", runtime, err)}
	}
}

// About answers the engine's About (the update metadata that `pulumi up` records, and `pulumi about`)
// for a host whose runtime is the executable at path: its version is what it prints when run with
// args, trimmed. A failure names the command as label.
func About(ctx context.Context, path, label string, args ...string) (*pulumirpc.AboutResponse, error) {
	out, err := exec.CommandContext(ctx, path, args...).Output()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", label, err)
	}
	return &pulumirpc.AboutResponse{Executable: path, Version: strings.TrimSpace(string(out))}, nil
}

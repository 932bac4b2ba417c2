// compose-check: `docker compose config` for machines without the compose plugin.
//
// It loads a compose file with github.com/compose-spec/compose-go/v2, the library Docker
// Compose itself uses, with the same checks: validation against the Compose Specification
// JSON schema, ${VAR} interpolation (process environment and the project's .env),
// normalization, path resolution and consistency checks (undefined services, volumes,
// networks, dependency cycles...).
//
// Usage: compose-check [-format ok|services|yaml|json] [-q] COMPOSE_FILE [OVERRIDE_FILE...]
//
// Exit status: 0 when the project loads, 1 with the error on stderr otherwise, 2 on bad usage.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/compose-spec/compose-go/v2/cli"
)

func main() {
	format := flag.String("format", "ok", "output on success: ok (one line), services (one name per line), yaml or json (normalized model)")
	quiet := flag.Bool("q", false, "print nothing on success, like `docker compose config -q`")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: compose-check [-format ok|services|yaml|json] [-q] COMPOSE_FILE [OVERRIDE_FILE...]")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() == 0 {
		flag.Usage()
		os.Exit(2)
	}
	switch *format {
	case "ok", "services", "yaml", "json":
	default:
		fmt.Fprintf(os.Stderr, "compose-check: unknown -format %q\n", *format)
		os.Exit(2)
	}

	// Same option set as `docker compose config`: the working directory is the first file's
	// folder (compose-go's default), everything is checked, nothing is skipped.
	options, err := cli.NewProjectOptions(flag.Args(),
		cli.WithOsEnv,
		cli.WithDotEnv,
		cli.WithDefaultProfiles(),
		cli.WithInterpolation(true),
		cli.WithNormalization(true),
		cli.WithResolvedPaths(true),
		cli.WithConsistency(true),
	)
	if err != nil {
		fail(err)
	}
	project, err := options.LoadProject(context.Background())
	if err != nil {
		fail(err)
	}
	if *quiet {
		return
	}

	switch *format {
	case "ok":
		names := project.ServiceNames()
		fmt.Printf("OK %s: project %q, %d services (%s)\n",
			strings.Join(flag.Args(), ", "), project.Name, len(names), strings.Join(names, ", "))
	case "services":
		for _, name := range project.ServiceNames() {
			fmt.Println(name)
		}
	case "yaml":
		out, err := project.MarshalYAML()
		if err != nil {
			fail(err)
		}
		os.Stdout.Write(out)
	case "json":
		out, err := json.MarshalIndent(project, "", "  ")
		if err != nil {
			fail(err)
		}
		fmt.Println(string(out))
	}
}

func fail(err error) {
	fmt.Fprintf(os.Stderr, "compose-check: %v\n", err)
	os.Exit(1)
}

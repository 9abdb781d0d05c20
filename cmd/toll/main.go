// Command toll tracks casualty figures across news reports. See README.md.
package main

import (
	"context"
	"os"
	"os/signal"
)

func main() {
	os.Exit(run(osEnv(os.Stdin)))
}

// run is main in the environment e: it runs the command line, prints
// the error once and returns the exit status.
func run(e env) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := newAppEnv(e, os.Stdout, os.Stderr).RunContext(ctx, os.Args); err != nil {
		printError(os.Stderr, err)
		return exitCode(err)
	}
	return 0
}

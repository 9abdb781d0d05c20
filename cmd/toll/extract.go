package main

import "github.com/urfave/cli/v2"

func extractCommand(e env) *cli.Command { return &cli.Command{Name: "extract", Usage: "(being written)"} }
func evalCommand(e env) *cli.Command    { return &cli.Command{Name: "eval", Usage: "(being written)"} }

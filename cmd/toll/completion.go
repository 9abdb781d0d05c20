package main

import (
	"fmt"
	"io"

	"github.com/urfave/cli/v2"
)

// bashCompletion asks toll itself what can come next: the words typed so
// far, followed by --generate-bash-completion, print the commands or (after
// a "-") the flags that fit. Nothing offered falls back to file names, as
// after --db or for a report file. The typed words are run as they are,
// never through eval, so text typed on the line is not executed.
const bashCompletion = `# bash completion for toll.
# Load it in ~/.bashrc with:  source <(toll completion bash)
_toll_complete() {
    local cur=${COMP_WORDS[COMP_CWORD]}
    local -a words=("${COMP_WORDS[@]:0:COMP_CWORD}")
    local IFS=$'\n'
    if [[ $cur == -* ]]; then
        words+=("$cur")
    fi
    COMPREPLY=($(compgen -W "$("${words[@]}" --generate-bash-completion 2>/dev/null)" -- "$cur"))
}
complete -o bashdefault -o default -F _toll_complete toll
`

// zshCompletion does what bashCompletion does for zsh. It works both
// sourced and installed as _toll in a directory on $fpath.
const zshCompletion = `#compdef toll
# zsh completion for toll. Either load it in ~/.zshrc (after compinit) with
#   source <(toll completion zsh)
# or install it once:  toll completion zsh > "${fpath[1]}/_toll"
_toll() {
    local -a opts
    local cur=${words[CURRENT]}
    if [[ $cur == -* ]]; then
        opts=("${(@f)$(${words[1,CURRENT-1]} "$cur" --generate-bash-completion 2>/dev/null)}")
    else
        opts=("${(@f)$(${words[1,CURRENT-1]} --generate-bash-completion 2>/dev/null)}")
    fi
    if [[ -n ${opts[1]} ]]; then
        _describe 'toll' opts
    else
        _files
    fi
}
if [[ ${funcstack[1]} == _toll ]]; then
    _toll "$@"
else
    compdef _toll toll
fi
`

func completionCommand() *cli.Command {
	return &cli.Command{
		Name:      "completion",
		Usage:     "print a shell completion script for bash, zsh or fish",
		ArgsUsage: "bash|zsh|fish",
		Description: "completion prints a script that makes the shell complete toll's commands\n" +
			"and flags on TAB. The bash and zsh scripts ask toll itself (toll ...\n" +
			"--generate-bash-completion), so they follow the toll on your PATH; the fish\n" +
			"script lists the commands and flags of the toll that wrote it, with their\n" +
			"help, and is best written again after upgrading toll.\n\n" +
			"Examples:\n" +
			"   toll completion bash > ~/.local/share/bash-completion/completions/toll\n" +
			"   source <(toll completion bash)           # in ~/.bashrc\n" +
			"   toll completion zsh > \"${fpath[1]}/_toll\"\n" +
			"   toll completion fish > ~/.config/fish/completions/toll.fish",
		// toll completion <TAB> offers the shells (its only flag is --help).
		BashComplete: func(c *cli.Context) {
			if c.NArg() == 0 {
				for _, sh := range []string{"bash", "zsh", "fish"} {
					fmt.Fprintln(c.App.Writer, sh)
				}
			}
		},
		Action: func(c *cli.Context) error {
			if c.NArg() != 1 {
				return usageError{msg: "completion: name one shell: bash, zsh or fish"}
			}
			return writeCompletion(c.App, c.Args().First(), c.App.Writer)
		},
	}
}

// writeCompletion writes the completion script for shell.
func writeCompletion(app *cli.App, shell string, w io.Writer) error {
	var script string
	switch shell {
	case "bash":
		script = bashCompletion
	case "zsh":
		script = zshCompletion
	case "fish":
		s, err := app.ToFishCompletion()
		if err != nil {
			return fmt.Errorf("completion fish: %w", err)
		}
		script = s
	default:
		return usageError{msg: fmt.Sprintf("completion: unknown shell %q (want bash, zsh or fish)", shell)}
	}
	_, err := io.WriteString(w, script)
	return err
}

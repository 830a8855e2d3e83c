using System.CommandLine;
using Chukei.Cli.Commands;

namespace Chukei.Cli;

/// <summary>The <c>chukei</c> command line: verbs, parsing and exit codes, callable from tests as from Main.</summary>
public static class ChukeiCommand
{
    public static RootCommand Create()
    {
        var root = new RootCommand("chukei — reference simulator and conformance kit for the insurer relay network (figure 5)");
        root.Subcommands.Add(RunCommand.Create());
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(LintCommand.Create());
        root.Subcommands.Add(ConformanceCommand.Create());
        root.Subcommands.Add(CardCommand.Create());
        return root;
    }

    /// <summary>Parses and runs; usage errors exit with <see cref="ExitCodes.Invalid"/> after saying what is wrong.</summary>
    public static async Task<int> InvokeAsync(string[] args, CancellationToken ct = default)
    {
        var parsed = Create().Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors) await Console.Error.WriteLineAsync($"chukei: {error.Message}");
            await Console.Error.WriteLineAsync("Try 'chukei --help'.");
            return ExitCodes.Invalid;
        }
        return await parsed.InvokeAsync(cancellationToken: ct);
    }
}

using System.CommandLine;
using Chukei.Scenarios.Loading;

namespace Chukei.Cli.Commands;

/// <summary><c>chukei lint &lt;file&gt;...</c>: every problem of each scenario file, as file:line:column; exit 0 clean, 2 not.</summary>
public static class LintCommand
{
    public static Command Create()
    {
        var files = new Argument<FileInfo[]>("scenario") { Description = "Scenario files (YAML)", Arity = ArgumentArity.OneOrMore };
        var command = new Command("lint", "Check scenario files against scenarios/schema.json and the semantic rules, without running them") { files };
        command.SetAction(parse =>
        {
            var problems = 0;
            foreach (var file in parse.GetValue(files)!)
            {
                var diagnostics = ScenarioLinter.LintFile(file.FullName);
                foreach (var d in diagnostics) Console.Error.WriteLine(d with { File = file.ToString() });
                Console.WriteLine(diagnostics.Count == 0 ? $"{file}: ok" : $"{file}: {diagnostics.Count} problem(s)");
                problems += diagnostics.Count;
            }
            return problems == 0 ? ExitCodes.Ok : ExitCodes.Invalid;
        });
        return command;
    }
}

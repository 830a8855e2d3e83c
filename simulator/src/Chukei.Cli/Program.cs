using System.CommandLine;
using Chukei.Cli.Commands;

var root = new RootCommand("chukei — reference simulator and conformance kit for the insurer relay network (figure 5)");
root.Subcommands.Add(RunCommand.Create());
root.Subcommands.Add(ServeCommand.Create());
var parsed = root.Parse(args);
if (parsed.Errors.Count > 0)
{
    foreach (var error in parsed.Errors) Console.Error.WriteLine($"chukei: {error.Message}");
    Console.Error.WriteLine("Try 'chukei --help'.");
    return ExitCodes.Invalid;
}
return await parsed.InvokeAsync();

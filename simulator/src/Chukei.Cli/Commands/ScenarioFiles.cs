using Chukei.Scenarios.Loading;
using Chukei.Scenarios.Model;

namespace Chukei.Cli.Commands;

/// <summary>Loads a scenario for a verb, printing file:line:column diagnostics instead of throwing.</summary>
internal static class ScenarioFiles
{
    public static Scenario? TryLoad(FileInfo file)
    {
        try
        {
            return ScenarioLoader.LoadFile(file.FullName);
        }
        catch (ScenarioException ex)
        {
            foreach (var d in ex.Diagnostics) Console.Error.WriteLine(d with { File = file.ToString() });
            Console.Error.WriteLine($"chukei: {file} is not a valid scenario ({ex.Diagnostics.Count} problem(s)); nothing ran.");
            return null;
        }
    }
}

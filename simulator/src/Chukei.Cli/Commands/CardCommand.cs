using System.CommandLine;

namespace Chukei.Cli.Commands;

/// <summary><c>chukei card &lt;verb&gt;</c>: the virtual IC card outside the simulated network.</summary>
public static class CardCommand
{
    public static Command Create()
    {
        var command = new Command("card", "The virtual My-Number-style IC card (JPKI application, kit-CA certificates)");
        command.Subcommands.Add(CardServeCommand.Create());
        return command;
    }
}

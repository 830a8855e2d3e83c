using System.Globalization;

namespace Chukei.Card.Tests.PcscStack;

/// <summary>OpenSC's opensc-tool as the PC/SC client: lists readers and sends raw APDUs through pcscd.</summary>
internal sealed class OpenscTool(string path)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    /// <summary>Every command line run and what it printed, in order: the evidence a failure message shows.</summary>
    public List<ToolResult> Transcript { get; } = [];

    public async Task<IReadOnlyList<OpenscReader>> ListReadersAsync()
    {
        var result = await RunAsync(["--list-readers"]);
        return OpenscToolOutput.ParseReaders(result.StandardOutput);
    }

    /// <summary>Polls the reader list until <paramref name="ready"/> holds for the reader whose name ends with <paramref name="readerName"/>.</summary>
    public async Task<OpenscReader> WaitForReaderAsync(string readerName, Func<OpenscReader, bool> ready, TimeSpan timeout, Func<string>? diagnostics = null)
    {
        using var limit = new CancellationTokenSource(timeout);
        while (true)
        {
            var reader = (await ListReadersAsync()).FirstOrDefault(r => r.Name.EndsWith(readerName, StringComparison.Ordinal));
            if (reader is not null && ready(reader))
            {
                return reader;
            }

            try
            {
                await Task.Delay(PollInterval, TimeProvider.System, limit.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"opensc-tool did not show reader '{readerName}' in the expected state within {timeout}; last listing:\n{Transcript[^1]}\n{diagnostics?.Invoke()}");
            }
        }
    }

    /// <summary>
    /// Sends the commands in one opensc-tool run (one PC/SC connection, so the card's security state carries from one
    /// command to the next) and returns the exchanges it printed; the echo of each command is checked against what was asked.
    /// </summary>
    public async Task<IReadOnlyList<OpenscExchange>> TransmitAsync(int reader, IReadOnlyList<byte[]> commands)
    {
        var arguments = new List<string> { "--reader", reader.ToString(CultureInfo.InvariantCulture) };
        foreach (byte[] command in commands)
        {
            arguments.Add("-s");
            arguments.Add(string.Join(' ', command.Select(b => b.ToString("X2", CultureInfo.InvariantCulture))));
        }

        var result = await RunAsync(arguments);
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        var exchanges = OpenscToolOutput.ParseExchanges(result.StandardOutput);
        Assert.That(exchanges.Select(e => Convert.ToHexString(e.Command)), Is.EqualTo(commands.Select(Convert.ToHexString)),
            $"opensc-tool should echo each command it sent, in order\n{result}");
        return exchanges;
    }

    private async Task<ToolResult> RunAsync(IEnumerable<string> arguments)
    {
        var result = await ExternalTool.RunAsync(path, arguments);
        Transcript.Add(result);
        return result;
    }
}

using System.Diagnostics;

namespace Chukei.Card.Tests.PcscStack;

/// <summary>What a finished command printed and returned.</summary>
internal sealed record ToolResult(string CommandLine, int ExitCode, string StandardOutput, string StandardError)
{
    public override string ToString() => $"$ {CommandLine}\n(exit {ExitCode})\n{StandardOutput}{StandardError}";
}

/// <summary>Runs a program nobody here wrote, captures its output and never leaves it running past its time limit.</summary>
internal static class ExternalTool
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(20);

    public static async Task<ToolResult> RunAsync(string fileName, IEnumerable<string> arguments, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        string commandLine = string.Join(' ', [Path.GetFileName(fileName), .. start.ArgumentList]);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {commandLine}");
        using var limit = new CancellationTokenSource(timeout ?? DefaultTimeout);
        var output = process.StandardOutput.ReadToEndAsync(limit.Token);
        var error = process.StandardError.ReadToEndAsync(limit.Token);
        try
        {
            await process.WaitForExitAsync(limit.Token);
            return new ToolResult(commandLine, process.ExitCode, await output, await error);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{commandLine} did not finish within {timeout ?? DefaultTimeout}");
        }
    }

    /// <summary>The first executable called <paramref name="name"/> on PATH or in the sbin directories a non-login PATH may lack.</summary>
    public static string? Find(string name)
    {
        string[] path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return path.Concat(["/usr/sbin", "/sbin", "/usr/local/sbin"])
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);
    }
}

using System.Diagnostics;
using System.Text;

namespace Chukei.Conformance.SelfTests.Outsiders;

/// <summary>
/// An outside target (<c>conformance/outsiders/insurer-js</c>, <c>clinic-js</c>: JavaScript on Node) running as its own
/// process on a loopback port it chose, with one seeded bug switched on or none. Disposing it kills the process.
/// </summary>
public sealed class OutsideTargetProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private readonly Process _process;
    private readonly StringBuilder _log;

    private OutsideTargetProcess(Process process, StringBuilder log, Uri url)
    {
        _process = process;
        _log = log;
        Url = url;
    }

    public Uri Url { get; }

    /// <summary>What the process wrote to standard output and standard error so far.</summary>
    public string Log
    {
        get
        {
            lock (_log) return _log.ToString();
        }
    }

    /// <summary>
    /// Starts <c>node</c> with <paramref name="arguments"/> (the script first, then <c>--port 0</c> and the target's own
    /// options) in <paramref name="folder"/>, with <c>BUG</c> set to <paramref name="bug"/>; returns once it printed
    /// <c>listening &lt;url&gt;</c>.
    /// </summary>
    public static async Task<OutsideTargetProcess> StartAsync(string node, string folder, IReadOnlyList<string> arguments, string? bug)
    {
        var start = new ProcessStartInfo(node)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["BUG"] = bug ?? "";
        var name = $"{Path.GetFileName(folder)} (BUG={bug})";

        var log = new StringBuilder();
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (log) log.AppendLine(e.Data);
            const string prefix = "listening ";
            if (e.Data.StartsWith(prefix, StringComparison.Ordinal)) listening.TrySetResult(new Uri(e.Data[prefix.Length..].Trim()));
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (log) log.AppendLine(e.Data);
        };
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException($"the outside target {name} exited before it listened:\n{Snapshot(log)}"));
        if (!process.Start()) throw new InvalidOperationException($"could not start {node}");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var url = await listening.Task.WaitAsync(StartTimeout);
            return new OutsideTargetProcess(process, log, url);
        }
        catch
        {
            Stop(process);
            process.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Stop(_process);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private static void Stop(Process process)
    {
        try
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // already gone
        }
    }

    private static string Snapshot(StringBuilder log)
    {
        lock (log) return log.ToString();
    }
}

using System.Diagnostics;
using System.Text;

namespace Chukei.Conformance.SelfTests.Outsiders;

/// <summary>
/// The outside insurer (<c>conformance/outsiders/insurer-js</c>, JavaScript on Node) running as its own process on a
/// loopback port it chose, with one seeded bug switched on or none. Disposing it kills the process.
/// </summary>
internal sealed class OutsideInsurerProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private readonly Process _process;
    private readonly StringBuilder _log;

    private OutsideInsurerProcess(Process process, StringBuilder log, Uri url)
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

    /// <summary>Starts <c>node insurer.js</c> in <paramref name="folder"/> against the relay stand-in at <paramref name="relayUrl"/>.</summary>
    public static async Task<OutsideInsurerProcess> StartAsync(string node, string folder, Uri relayUrl, string? bug, TimeSpan unknownKidInterval)
    {
        var start = new ProcessStartInfo(node)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
                 {
                     "insurer.js", "--port", "0", "--relay-url", relayUrl.ToString().TrimEnd('/'),
                     "--unknown-kid-interval-ms", ((long)unknownKidInterval.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture),
                 })
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["BUG"] = bug ?? "";

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
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException($"the outside insurer (BUG={bug}) exited before it listened:\n{Snapshot(log)}"));
        if (!process.Start()) throw new InvalidOperationException($"could not start {node}");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var url = await listening.Task.WaitAsync(StartTimeout);
            return new OutsideInsurerProcess(process, log, url);
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

using System.Diagnostics;
using System.Text;

namespace Chukei.Card.Tests.PcscStack;

/// <summary>
/// A pcscd the test started itself, in the foreground, on its default socket. It is stopped by its own PID (SIGTERM,
/// then SIGKILL), and <c>--auto-exit</c> makes it quit a minute after its last client should the test host die first.
/// </summary>
internal sealed class PcscdProcess : IAsyncDisposable
{
    private const string RunDirectory = "/run/pcscd";
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(5);

    private readonly Process _process;
    private readonly StringBuilder _log = new();
    private readonly Lock _logGate = new();

    private PcscdProcess(Process process)
    {
        _process = process;
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>What pcscd printed so far, for failure messages.</summary>
    public string Log
    {
        get
        {
            lock (_logGate)
            {
                return _log.ToString();
            }
        }
    }

    public static PcscdProcess Start(string pcscd)
    {
        // Two resource managers cannot share /run/pcscd or the vpcd ports; one we did not start is not ours to stop.
        var others = Process.GetProcessesByName("pcscd");
        if (others.Length > 0)
        {
            string ids = string.Join(", ", others.Select(p => p.Id));
            foreach (var other in others)
            {
                other.Dispose();
            }

            PcscToolchain.Unmet($"a pcscd not started by this test is running (pid {ids}); stop it (e.g. systemctl stop pcscd.socket pcscd) so the test can start its own");
        }

        // pcscd creates its socket here but not the directory itself when no init system made it.
        Directory.CreateDirectory(RunDirectory);
        var start = new ProcessStartInfo(pcscd)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            ArgumentList = { "--foreground", "--auto-exit" },
        };
        var process = new Process { StartInfo = start };
        var started = new PcscdProcess(process);
        process.OutputDataReceived += (_, e) => started.Append(e.Data);
        process.ErrorDataReceived += (_, e) => started.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return started;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                // SIGTERM lets pcscd remove its socket and pid file; Process.Kill would send SIGKILL and leave them behind.
                await ExternalTool.RunAsync("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
                using var limit = new CancellationTokenSource(StopTimeout);
                try
                {
                    await _process.WaitForExitAsync(limit.Token);
                }
                catch (OperationCanceledException)
                {
                    _process.Kill();
                    await _process.WaitForExitAsync();
                }
            }
        }
        finally
        {
            _process.Dispose();
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_logGate)
        {
            _log.AppendLine(line);
        }
    }
}

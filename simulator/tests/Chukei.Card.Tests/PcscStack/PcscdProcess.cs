using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Chukei.Card.Tests.PcscStack;

/// <summary>
/// A pcscd the test started itself, in the foreground, on its default socket (through sudo when the test is not
/// root). It is stopped by its own PID (SIGTERM, then SIGKILL), and <c>--auto-exit</c> makes it quit a minute after
/// its last client should the test host die first.
/// </summary>
internal sealed class PcscdProcess : IAsyncDisposable
{
    private const string RunDirectory = "/run/pcscd";
    private const string PidFile = RunDirectory + "/pcscd.pid";
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(5);

    private readonly PcscToolchain _tools;
    private readonly Process _process;
    private readonly StringBuilder _log = new();
    private readonly Lock _logGate = new();

    private PcscdProcess(PcscToolchain tools, Process process)
    {
        _tools = tools;
        _process = process;
    }

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

    public static async Task<PcscdProcess> StartAsync(PcscToolchain tools)
    {
        // Two resource managers cannot share /run/pcscd or the vpcd ports; one we did not start is not ours to stop.
        var others = RunningPcscdIds();
        if (others.Count > 0)
        {
            PcscToolchain.Unmet($"a pcscd not started by this test is running (pid {string.Join(", ", others)}); " +
                "stop it (e.g. systemctl stop pcscd.socket pcscd) so the test can start its own");
        }

        // pcscd creates its socket here but not the directory itself when no init system made it.
        var mkdir = await tools.RunAsRootAsync("mkdir", "-p", RunDirectory);
        Assert.That(mkdir.ExitCode, Is.Zero, mkdir.ToString());
        string[] command = [.. tools.AsRoot, tools.Pcscd, "--foreground", "--auto-exit"];
        var start = new ProcessStartInfo(command[0])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in command.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = start };
        var started = new PcscdProcess(tools, process);
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
                // pcscd's own PID: under sudo the process we started is sudo, and pcscd is its child. SIGTERM lets pcscd
                // remove its socket and pid file, which SIGKILL would leave behind.
                string pid = (_tools.AsRoot.Count == 0 ? _process.Id : ReadPidFile() ?? _process.Id).ToString(CultureInfo.InvariantCulture);
                await _tools.RunAsRootAsync("kill", "-TERM", pid);
                using var limit = new CancellationTokenSource(StopTimeout);
                try
                {
                    await _process.WaitForExitAsync(limit.Token);
                }
                catch (OperationCanceledException)
                {
                    await _tools.RunAsRootAsync("kill", "-KILL", pid, _process.Id.ToString(CultureInfo.InvariantCulture));
                    await _process.WaitForExitAsync();
                }
            }
        }
        finally
        {
            _process.Dispose();
        }
    }

    /// <summary>Live pcscd processes; a zombie holds neither the socket nor the ports.</summary>
    private static List<int> RunningPcscdIds()
    {
        var ids = new List<int>();
        foreach (var process in Process.GetProcessesByName("pcscd"))
        {
            using (process)
            {
                string stat = File.Exists($"/proc/{process.Id}/stat") ? File.ReadAllText($"/proc/{process.Id}/stat") : "";
                // The state is the field after the parenthesised command name.
                int close = stat.LastIndexOf(')');
                bool zombie = close > 0 && stat.Length > close + 2 && stat[close + 2] == 'Z';
                if (!zombie)
                {
                    ids.Add(process.Id);
                }
            }
        }

        return ids;
    }

    private static int? ReadPidFile() =>
        File.Exists(PidFile) && int.TryParse(File.ReadAllText(PidFile).Trim(), CultureInfo.InvariantCulture, out int pid) ? pid : null;

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

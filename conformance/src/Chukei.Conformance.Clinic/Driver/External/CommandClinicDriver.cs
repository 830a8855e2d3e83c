using System.ComponentModel;
using System.Diagnostics;
using Chukei.Card;
using Chukei.Conformance.Clinic.Driver.Readers;
using Chukei.Contracts.ClinicDriver;

namespace Chukei.Conformance.Clinic.Driver.External;

/// <summary>
/// Drives a clinic through a command run once per check by the platform shell (<c>/bin/sh -c</c>, <c>cmd /c</c> on
/// Windows): the <see cref="ClinicCheckRequest"/> on standard input (never in arguments or the environment, where other
/// users of the machine could read the PIN), the <see cref="ClinicCheckAnswer"/> on standard output, exit code 0.
/// Standard error is the clinic's log for the check: it joins the verdict's log lines, which CLN-039 looks at. An
/// optional second command picks up the clinic's retroactive-change notices (ELG-021): a
/// <see cref="ClinicNoticePickupRequest"/> on standard input, <see cref="ClinicHeldNotices"/> on standard output.
/// </summary>
public sealed class CommandClinicDriver : IClinicDriver, IAsyncDisposable
{
    /// <summary>The shell's "command not found" and "not executable" exits: the command never ran.</summary>
    private static readonly int[] NotRun = [126, 127];

    private readonly CardReaderHost _reader;
    private readonly string _command;
    private readonly string? _pickupCommand;
    private readonly TimeProvider _time;
    private readonly TimeSpan _timeout;
    private int _checkCount;

    private CommandClinicDriver(CardReaderHost reader, string command, string? pickupCommand, TimeProvider time, TimeSpan timeout)
    {
        _reader = reader;
        _command = command;
        _pickupCommand = pickupCommand;
        _time = time;
        _timeout = timeout;
    }

    /// <summary>The command, as given.</summary>
    public string Command => _command;

    /// <param name="pickupCommand">The command that picks up the clinic's notices; null when the clinic does not claim ELG-021.</param>
    public static async Task<CommandClinicDriver> StartAsync(string command, TimeProvider? time = null, TimeSpan? timeout = null, string? pickupCommand = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(command);
        return new CommandClinicDriver(await CardReaderHost.StartAsync(), command, string.IsNullOrWhiteSpace(pickupCommand) ? null : pickupCommand,
            time ?? TimeProvider.System, timeout ?? HttpClinicDriver.DefaultTimeout);
    }

    public async Task<ClinicVerdict> CheckEligibilityAsync(ICardChannel card, string pin, DateOnly serviceDate, Uri relayUrl, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(pin);
        ArgumentNullException.ThrowIfNull(relayUrl);
        var driver = $"command '{_command}'";
        using var lease = _reader.Lend(card, out var readerUrl);
        var request = new ClinicCheckRequest
        {
            CheckId = $"check-{Interlocked.Increment(ref _checkCount)}",
            ReaderUrl = readerUrl.ToString(),
            Pin = pin,
            ServiceDate = serviceDate,
            RelayUrl = relayUrl.ToString(),
        };
        var (exit, output, log) = await RunAsync(_command, driver, DriverAnswers.Request(request), pin, ct);
        if (exit != 0)
            throw DriverAnswers.NoConclusion(driver, $"exited {exit} instead of 0 with a verdict; standard error: {DriverAnswers.Quote(log, pin)}");
        var verdict = DriverAnswers.Parse(driver, output, pin);
        var lines = log.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return verdict with { Log = [.. verdict.Log, .. lines] };
    }

    /// <summary>Runs the pickup command; without one the clinic does not claim ELG-021 (<see cref="NotSupportedException"/>).</summary>
    public async Task<IReadOnlyList<ClinicHeldNotice>> PickUpNoticesAsync(Uri relayUrl, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(relayUrl);
        if (_pickupCommand is null) throw new NotSupportedException("no pickup command was given (--driver-pickup-command)");
        var driver = $"pickup command '{_pickupCommand}'";
        var (exit, output, log) = await RunAsync(_pickupCommand, driver, DriverAnswers.Request(new ClinicNoticePickupRequest { RelayUrl = relayUrl.ToString() }), "", ct);
        if (exit != 0) throw DriverAnswers.NoNotices(driver, $"exited {exit} instead of 0; standard error: {DriverAnswers.Quote(log, "")}");
        return DriverAnswers.ParseHeldNotices(driver, output);
    }

    /// <summary>Runs <paramref name="command"/> with <paramref name="input"/> on standard input; its exit code, standard output and standard error. Never run at all, or stopped at the timeout: no answer.</summary>
    private async Task<(int Exit, string Output, string Log)> RunAsync(string command, string driver, string input, string pin, CancellationToken ct)
    {
        using var process = new Process { StartInfo = Shell(command) };
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            throw DriverAnswers.NoAnswer(driver, $"could not be started ({ex.Message})", ex);
        }

        using var limit = new CancellationTokenSource(_timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, limit.Token);
        var stdout = process.StandardOutput.ReadToEndAsync(linked.Token);
        var stderr = process.StandardError.ReadToEndAsync(linked.Token);
        try
        {
            try
            {
                await process.StandardInput.WriteAsync(input.AsMemory(), linked.Token);
                process.StandardInput.Close();
            }
            catch (IOException)
            {
                // The command exited without reading its input; its exit code and output say the rest.
            }
            await process.WaitForExitAsync(linked.Token);
            var (output, log) = (await stdout, await stderr);
            if (NotRun.Contains(process.ExitCode))
                throw DriverAnswers.NoAnswer(driver, $"could not be run (exit {process.ExitCode}): {DriverAnswers.Quote(log, pin)}");
            return (process.ExitCode, output, log);
        }
        catch (OperationCanceledException ex) when (linked.IsCancellationRequested)
        {
            Kill(process);
            throw DriverAnswers.NoAnswer(driver, $"did not finish within {_timeout.TotalSeconds:0.#} s and was stopped", ex);
        }
    }

    private static ProcessStartInfo Shell(string command)
    {
        var info = OperatingSystem.IsWindows() ? new ProcessStartInfo("cmd.exe") : new ProcessStartInfo("/bin/sh");
        info.ArgumentList.Add(OperatingSystem.IsWindows() ? "/c" : "-c");
        info.ArgumentList.Add(command);
        info.UseShellExecute = false;
        info.RedirectStandardInput = true;
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.StandardInputEncoding = new System.Text.UTF8Encoding(false);
        return info;
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It exited in the meantime.
        }
    }

    public async ValueTask DisposeAsync() => await _reader.DisposeAsync();
}

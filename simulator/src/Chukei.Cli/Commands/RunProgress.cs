using System.Globalization;
using System.Text;

namespace Chukei.Cli.Commands;

/// <summary>
/// A one-line progress bar for long runs (a generated population over a year): drawn on the terminal only, never
/// when output is redirected, so printed runs and results files stay byte-identical. Lines the run prints go through
/// <see cref="Output"/>, which clears the bar first so the two never mix.
/// </summary>
internal sealed class RunProgress : IAsyncDisposable
{
    /// <summary>Below this many timeline instants a run takes about a second: no bar.</summary>
    public const int MinimumInstants = 5_000;

    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(250);

    private readonly Lock _gate = new();
    private readonly TextWriter _terminal;
    private readonly Func<(int Done, int Total)> _progress;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _ticker;
    private bool _drawn;

    private RunProgress(TextWriter terminal, Func<(int Done, int Total)> progress)
    {
        _terminal = terminal;
        _progress = progress;
        Output = new ClearingWriter(this);
        _ticker = TickAsync();
    }

    /// <summary>Where the run's own lines go while the bar is shown.</summary>
    public TextWriter Output { get; }

    /// <summary>A bar on the console when it is a terminal and the run is long; otherwise null.</summary>
    public static RunProgress? StartIfLong(Func<(int Done, int Total)> progress) => StartIfLong(progress, !Console.IsOutputRedirected, Console.Out);

    internal static RunProgress? StartIfLong(Func<(int Done, int Total)> progress, bool terminal, TextWriter console) =>
        terminal && progress().Total >= MinimumInstants ? new RunProgress(console, progress) : null;

    private async Task TickAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                await Task.Delay(Tick, TimeProvider.System, _stop.Token);
                Draw();
            }
        }
        catch (OperationCanceledException)
        {
            // disposed
        }
    }

    internal void Draw()
    {
        var (done, total) = _progress();
        if (total == 0) return;
        const int width = 30;
        var filled = (int)((long)done * width / total);
        var line = new StringBuilder("\r[").Append('#', filled).Append('.', width - filled)
            .Append(CultureInfo.InvariantCulture, $"] {100L * done / total,3}%  {done:N0}/{total:N0} timeline instants");
        lock (_gate)
        {
            _terminal.Write(line.ToString());
            _terminal.Flush();
            _drawn = true;
        }
    }

    private void Clear()
    {
        if (!_drawn) return;
        _terminal.Write("\r\u001b[K");
        _drawn = false;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _ticker;
        lock (_gate) Clear();
        _stop.Dispose();
    }

    private sealed class ClearingWriter(RunProgress owner) : TextWriter
    {
        public override Encoding Encoding => owner._terminal.Encoding;

        public override void Write(char value)
        {
            lock (owner._gate)
            {
                owner.Clear();
                owner._terminal.Write(value);
            }
        }

        public override void Write(string? value)
        {
            lock (owner._gate)
            {
                owner.Clear();
                owner._terminal.Write(value);
            }
        }

        public override void WriteLine(string? value)
        {
            lock (owner._gate)
            {
                owner.Clear();
                owner._terminal.WriteLine(value);
            }
        }
    }

    /// <summary>Forwards to a writer chosen after the run is set up (the bar needs the runner to exist first).</summary>
    public sealed class Forwarder(TextWriter target) : TextWriter
    {
        public TextWriter Target { get; set; } = target;

        public override Encoding Encoding => Target.Encoding;

        public override void Write(char value) => Target.Write(value);

        public override void Write(string? value) => Target.Write(value);

        public override void WriteLine(string? value) => Target.WriteLine(value);
    }
}

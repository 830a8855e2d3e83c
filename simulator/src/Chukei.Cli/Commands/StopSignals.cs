using System.Runtime.InteropServices;

namespace Chukei.Cli.Commands;

/// <summary>
/// Ctrl+C (SIGINT) and SIGTERM as a cancellation token, for verbs that run until stopped. The invocation's own token is
/// not cancelled by either signal as chukei invokes System.CommandLine, and the default action would kill the process
/// before it closes its connections and says it stopped.
/// </summary>
internal sealed class StopSignals : IDisposable
{
    private readonly CancellationTokenSource _stop;
    private readonly PosixSignalRegistration _interrupt;
    private readonly PosixSignalRegistration _terminate;

    public StopSignals(CancellationToken invocationToken)
    {
        _stop = CancellationTokenSource.CreateLinkedTokenSource(invocationToken);
        _interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        _terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
    }

    public CancellationToken Token => _stop.Token;

    public void Dispose()
    {
        _interrupt.Dispose();
        _terminate.Dispose();
        _stop.Dispose();
    }

    private void Stop(PosixSignalContext context)
    {
        // Keep the process alive; the verb ends itself once it has seen the token.
        context.Cancel = true;
        _stop.Cancel();
    }
}

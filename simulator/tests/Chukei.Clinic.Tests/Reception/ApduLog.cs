using Chukei.Card.Logging;

namespace Chukei.Clinic.Tests.Reception;

/// <summary>Reads the card's own APDU log: which commands the clinic actually sent.</summary>
internal static class ApduLog
{
    public static IEnumerable<ReadOnlyMemory<byte>> Commands(this IEnumerable<ApduLoggedEventArgs> log) =>
        log.Where(e => e.Direction == ApduDirection.Command).Select(e => e.Bytes);

    public static int VerifiesWithPin(this IEnumerable<ApduLoggedEventArgs> log) =>
        log.Commands().Count(c => c.Span[1] == 0x20 && c.Length > 4);

    public static int CounterQueries(this IEnumerable<ApduLoggedEventArgs> log) =>
        log.Commands().Count(c => c.Span[1] == 0x20 && c.Length == 4);

    public static int Signs(this IEnumerable<ApduLoggedEventArgs> log) =>
        log.Commands().Count(c => c.Span[0] == 0x80 && c.Span[1] == 0x2A);

    /// <summary>INS of each command, in order, e.g. A4 B0 20 2A.</summary>
    public static IReadOnlyList<byte> Instructions(this IEnumerable<ApduLoggedEventArgs> log) =>
        log.Commands().Select(c => c.Span[1]).ToList();
}

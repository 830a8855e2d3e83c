using System.Net;

namespace Chukei.Card.Transport;

/// <summary>Where the card meets vpcd and how strict it is about frames (anchors §2).</summary>
public sealed record VpcdOptions
{
    /// <summary>vpcd's <c>VPCDPORT</c>, 0x8C7B; slot n listens on this + n.</summary>
    public const int DefaultPort = 35963;

    /// <summary>The longest short APDU: header 4 + Lc 1 + 255 data + Le 1.</summary>
    public const int MaxShortCommandLength = 261;

    public string Host { get; init; } = "127.0.0.1";

    public int Port { get; init; } = DefaultPort;

    /// <summary>
    /// Commands longer than this are drained and answered <c>6700</c> without reaching the card. Null means 261 for a
    /// short-only card and 0xFFFF (the most a 2-byte length can say) for a <see cref="VirtualCard"/> with extended length.
    /// </summary>
    public int? MaxCommandLength { get; init; }

    /// <summary>How long <see cref="VpcdClient.ReinsertAsync"/> keeps the card out, as jCardSim's reloader does (1 s).</summary>
    public TimeSpan ReinsertDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The port of vpcd's reader slot <paramref name="slot"/> (0-based; slot 1 is 35964).</summary>
    public static VpcdOptions ForSlot(int slot, string host = "127.0.0.1")
    {
        ArgumentOutOfRangeException.ThrowIfNegative(slot);
        return new VpcdOptions { Host = host, Port = DefaultPort + slot };
    }

    internal IPEndPoint ResolveEndPoint() =>
        IPAddress.TryParse(Host, out var address)
            ? new IPEndPoint(address, Port)
            : new IPEndPoint(Dns.GetHostAddresses(Host).First(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork), Port);
}

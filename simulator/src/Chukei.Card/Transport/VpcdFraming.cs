namespace Chukei.Card.Transport;

/// <summary>vpcd's framing: a big-endian uint16 length, then that many bytes (vpcd.c 220–280).</summary>
internal static class VpcdFraming
{
    public const int MaxPayload = 0xFFFF;

    /// <summary>
    /// Fills <paramref name="buffer"/> completely. TCP may deliver a frame in any number of pieces, so one Read proves
    /// nothing (vicc's single recv is the bug anchors §2 rule 1 warns about). Returns the count read before the peer
    /// closed: equal to the buffer's length when complete, less when the connection ended first.
    /// </summary>
    public static async Task<int> ReadExactlyAsync(Stream stream, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        int total = 0;
        while (total < buffer.Length)
        {
            int read = await stream.ReadAsync(buffer[total..], cancellationToken);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return total;
    }

    public static async Task WriteFrameAsync(Stream stream, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        if (payload.Length is 0 or > MaxPayload)
        {
            // An empty frame is vpcd's removal signal, and a longer one cannot be described in two bytes.
            throw new ArgumentOutOfRangeException(nameof(payload), payload.Length, "A vpcd frame carries 1 to 65535 bytes.");
        }

        // One write per frame: vpcd reads the length and then the payload, and two small segments only add latency.
        byte[] frame = new byte[payload.Length + 2];
        frame[0] = (byte)(payload.Length >> 8);
        frame[1] = (byte)payload.Length;
        payload.CopyTo(frame.AsMemory(2));
        await stream.WriteAsync(frame, cancellationToken);
        await stream.FlushAsync(cancellationToken);
    }
}

using System.Net;
using System.Text;
using Chukei.Card;
using Chukei.Contracts.ClinicDriver;
using Chukei.Contracts.Json;
using Chukei.Contracts.Problems;

namespace Chukei.Conformance.Clinic.Driver.Readers;

/// <summary>
/// The clinic's side of the kit's card reader: an <see cref="ICardChannel"/> that sends each APDU to a check's
/// <c>readerUrl</c>. A card that does not answer (removed, not powered) is a transport error, an <see cref="IOException"/>,
/// as a PC/SC reader reports a removed card. The reference clinic behind the HTTP driver uses it; so can a vendor's .NET clinic.
/// </summary>
public sealed class CardReaderClient(HttpClient http, Uri readerUrl) : ICardChannel
{
    private readonly Uri _reader = new(readerUrl.ToString().TrimEnd('/') + "/");
    private byte[]? _atr;
    private bool _powered = true;

    public ReadOnlyMemory<byte> Atr => _atr ??= Convert.FromHexString(ReadState().Atr);

    public bool IsPowered => _powered;

    public byte[] Transmit(byte[] commandApdu)
    {
        ArgumentNullException.ThrowIfNull(commandApdu);
        var answer = Send<CardReaderResponse>(CardReaderPaths.Transmit, new CardReaderCommand { Apdu = Convert.ToHexString(commandApdu) });
        try
        {
            return Convert.FromHexString(answer.Response);
        }
        catch (FormatException ex)
        {
            throw new IOException($"the card reader at {_reader} answered a response that is not hex", ex);
        }
    }

    public void Reset() => Apply(Send<CardReaderState>(CardReaderPaths.Reset, null));

    public void PowerOff() => Apply(Send<CardReaderState>(CardReaderPaths.PowerOff, null));

    public void PowerOn() => Apply(Send<CardReaderState>(CardReaderPaths.PowerOn, null));

    private CardReaderState ReadState()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, _reader);
        return Read<CardReaderState>(request);
    }

    private void Apply(CardReaderState state) => _powered = state.Powered;

    private T Send<T>(string path, object? body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_reader, path));
        request.Content = new StringContent(body is null ? "" : ProtocolJson.Serialize(body), Encoding.UTF8, "application/json");
        return Read<T>(request);
    }

    private T Read<T>(HttpRequestMessage request)
    {
        try
        {
            using var response = http.Send(request);
            using var reader = new StreamReader(response.Content.ReadAsStream(), Encoding.UTF8);
            var text = reader.ReadToEnd();
            if (response.StatusCode == HttpStatusCode.Conflict) _powered = false;
            if (response.StatusCode != HttpStatusCode.OK)
                throw new IOException($"the card reader at {request.RequestUri} answered HTTP {(int)response.StatusCode}: {text}");
            return ProtocolJson.Deserialize<T>(Encoding.UTF8.GetBytes(text), "card reader answer");
        }
        catch (HttpRequestException ex)
        {
            throw new IOException($"the card reader at {request.RequestUri} is unreachable: {ex.Message}", ex);
        }
        catch (ProtocolException ex)
        {
            throw new IOException($"the card reader at {request.RequestUri} answered something unreadable: {ex.Message}", ex);
        }
    }
}

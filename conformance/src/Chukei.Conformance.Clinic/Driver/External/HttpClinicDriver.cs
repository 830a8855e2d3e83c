using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Chukei.Card;
using Chukei.Conformance.Clinic.Driver.Readers;
using Chukei.Contracts.ClinicDriver;

namespace Chukei.Conformance.Clinic.Driver.External;

/// <summary>
/// Drives a clinic that takes checks over HTTP: for each check the kit lends the card to its loopback card reader and
/// posts a <see cref="ClinicCheckRequest"/> to <c>{driverUrl}/checks</c>; the 200 answer is a <see cref="ClinicCheckAnswer"/>
/// (conformance/README.md, "The clinic driver contract"). Bad answers are judged by <see cref="DriverAnswers"/>.
/// </summary>
public sealed class HttpClinicDriver : IClinicDriver, IAsyncDisposable
{
    /// <summary>How long one check may take by default, card and relay included.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    private readonly CardReaderHost _reader;
    private readonly HttpClient _http = new() { Timeout = Timeout.InfiniteTimeSpan };
    private readonly Uri _checks;
    private readonly Uri _pickups;
    private readonly TimeProvider _time;
    private readonly TimeSpan _timeout;
    private int _checkCount;

    private HttpClinicDriver(CardReaderHost reader, Uri driverUrl, TimeProvider time, TimeSpan timeout)
    {
        _reader = reader;
        _checks = new Uri(driverUrl.ToString().TrimEnd('/') + "/checks");
        _pickups = new Uri(driverUrl.ToString().TrimEnd('/') + "/notice-pickups");
        _time = time;
        _timeout = timeout;
    }

    /// <summary>Where the checks go: <c>{driverUrl}/checks</c>.</summary>
    public Uri ChecksUrl => _checks;

    /// <summary>Starts the kit's card reader (on loopback) for a clinic whose driver listens at <paramref name="driverUrl"/>.</summary>
    public static async Task<HttpClinicDriver> StartAsync(Uri driverUrl, TimeProvider? time = null, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(driverUrl);
        return new HttpClinicDriver(await CardReaderHost.StartAsync(), driverUrl, time ?? TimeProvider.System, timeout ?? DefaultTimeout);
    }

    public async Task<ClinicVerdict> CheckEligibilityAsync(ICardChannel card, string pin, DateOnly serviceDate, Uri relayUrl, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(pin);
        ArgumentNullException.ThrowIfNull(relayUrl);
        var driver = $"POST {_checks}";
        using var lease = _reader.Lend(card, out var readerUrl);
        var request = new ClinicCheckRequest
        {
            CheckId = $"check-{Interlocked.Increment(ref _checkCount)}",
            ReaderUrl = readerUrl.ToString(),
            Pin = pin,
            ServiceDate = serviceDate,
            RelayUrl = relayUrl.ToString(),
        };
        var (status, body) = await PostAsync(_checks, DriverAnswers.Request(request), driver, ct);
        if (status != HttpStatusCode.OK)
            throw DriverAnswers.NoConclusion(driver, $"answered HTTP {(int)status} instead of 200 with a verdict: {DriverAnswers.Quote(body, pin)}");
        return DriverAnswers.Parse(driver, body, pin);
    }

    /// <summary>
    /// <c>POST {driverUrl}/notice-pickups</c> with a <see cref="ClinicNoticePickupRequest"/>; 200 with
    /// <see cref="ClinicHeldNotices"/>. 404 means the clinic does not claim ELG-021 (<see cref="NotSupportedException"/>).
    /// </summary>
    public async Task<IReadOnlyList<ClinicHeldNotice>> PickUpNoticesAsync(Uri relayUrl, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(relayUrl);
        var driver = $"POST {_pickups}";
        var (status, body) = await PostAsync(_pickups, DriverAnswers.Request(new ClinicNoticePickupRequest { RelayUrl = relayUrl.ToString() }), driver, ct);
        if (status == HttpStatusCode.NotFound) throw new NotSupportedException($"{driver} answered 404");
        if (status != HttpStatusCode.OK) throw DriverAnswers.NoNotices(driver, $"answered HTTP {(int)status} instead of 200 with them: {DriverAnswers.Quote(body, "")}");
        return DriverAnswers.ParseHeldNotices(driver, body);
    }

    /// <summary>Posts <paramref name="json"/> within the driver's timeout; no answer at all is <see cref="DriverAnswers.NoAnswer"/>.</summary>
    private async Task<(HttpStatusCode Status, string Body)> PostAsync(Uri url, string json, string driver, CancellationToken ct)
    {
        using var limit = new CancellationTokenSource(_timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, limit.Token);
        try
        {
            using var content = new StringContent(json, Encoding.UTF8);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await _http.PostAsync(url, content, linked.Token);
            return (response.StatusCode, await response.Content.ReadAsStringAsync(linked.Token));
        }
        catch (OperationCanceledException ex) when (linked.IsCancellationRequested)
        {
            throw DriverAnswers.NoAnswer(driver, $"did not answer within {_timeout.TotalSeconds:0.#} s", ex);
        }
        catch (HttpRequestException ex)
        {
            throw DriverAnswers.NoAnswer(driver, $"could not be reached ({ex.Message})", ex);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _reader.DisposeAsync();
    }
}

using System.Text;
using Chukei.Contracts.Envelopes;
using Chukei.Contracts.Json;
using Chukei.Contracts.Problems;
using Chukei.Contracts.Tokens;

namespace Chukei.Contracts.Directory;

/// <summary>
/// Keeps a party's view of the directory current (docs/protocol.md §3.3): fetches the relay's signed directory and
/// accepts it only when it verifies under a relay signing key of the directory already held (DIR-010, DIR-011: a
/// directory never vouches for itself) and is not older than that one (DIR-013). Refreshes every
/// <see cref="RefreshInterval"/> once started, and when a token names an unknown kid, at most once per
/// <see cref="UnknownKidInterval"/> so unknown kids cannot force a fetch per request (DIR-009).
/// </summary>
public sealed class DirectoryRefresher : IDisposable
{
    private static readonly IReadOnlySet<string> NoSkippedChecks = new HashSet<string>();

    private readonly HttpClient _http;
    private readonly Uri _directoryUrl;
    private readonly PartyDirectory _directory;
    private readonly EnvelopeVerifier _verifier;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _fetching = new(1, 1);
    private ITimer? _timer;
    private DateTimeOffset? _lastFetch;

    /// <param name="http">Fetches <c>GET {relayBaseUrl}/v1/directory</c>.</param>
    /// <param name="relayBaseUrl">The relay's base URL, configured out of band (DIR-011).</param>
    /// <param name="directory">The party's view, replaced by each accepted directory.</param>
    /// <param name="verifier">Verifies over <paramref name="directory"/>: the directory held is what vouches for the next one.</param>
    /// <param name="time">The party's clock (the refresh timer, the rate limit).</param>
    /// <param name="acceptedIssuedAt">When the directory held was issued, if known (a configured one may not say).</param>
    public DirectoryRefresher(HttpClient http, Uri relayBaseUrl, PartyDirectory directory, EnvelopeVerifier verifier, TimeProvider time, DateTimeOffset? acceptedIssuedAt = null)
    {
        ArgumentNullException.ThrowIfNull(relayBaseUrl);
        _http = http;
        _directoryUrl = new Uri(relayBaseUrl.ToString().TrimEnd('/') + "/v1/directory");
        _directory = directory;
        _verifier = verifier;
        _time = time;
        AcceptedIssuedAt = acceptedIssuedAt;
    }

    /// <summary>DIR-009: at least every 5 minutes.</summary>
    public TimeSpan RefreshInterval { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>DIR-009's rate limit on fetches caused by unknown kids.</summary>
    public TimeSpan UnknownKidInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// For mutation testing only: DIR-009 (never fetches), DIR-010 (accepts a directory without checking its
    /// signature), DIR-011 (verifies a directory with the keys it lists itself) or DIR-013 (accepts an older
    /// directory). Empty in every real use.
    /// </summary>
    public IReadOnlySet<string> SkippedChecks { get; init; } = NoSkippedChecks;

    /// <summary>The <c>issuedAt</c> of the directory held.</summary>
    public DateTimeOffset? AcceptedIssuedAt { get; private set; }

    /// <summary>Why the last fetched directory was refused (null after an accepted one): for logs and tests.</summary>
    public string? LastRefusal { get; private set; }

    /// <summary>Refreshes every <see cref="RefreshInterval"/> on the party's clock, starting one interval from now.</summary>
    public void Start() =>
        _timer ??= _time.CreateTimer(_ => _ = RefreshAsync(CancellationToken.None), null, RefreshInterval, RefreshInterval);

    /// <summary>
    /// Before refusing a token with an unknown kid: true when the directory held may now know it (one was accepted
    /// just now, by this call or by one it waited for), so the caller checks the token once more.
    /// </summary>
    public Task<bool> RefreshForUnknownKidAsync(CancellationToken ct) => RefreshAsync(rateLimited: true, ct);

    /// <summary>Fetches, checks and applies the relay's directory; false when it could not be fetched or was refused.</summary>
    public Task<bool> RefreshAsync(CancellationToken ct) => RefreshAsync(rateLimited: false, ct);

    private async Task<bool> RefreshAsync(bool rateLimited, CancellationToken ct)
    {
        if (SkippedChecks.Contains("DIR-009")) return false;
        await _fetching.WaitAsync(ct);
        try
        {
            // Within the rate limit the last fetch's result stands (a request that waited for it may now verify).
            if (rateLimited && _lastFetch is { } last && _time.GetUtcNow() - last < UnknownKidInterval) return LastRefusal is null;
            _lastFetch = _time.GetUtcNow();
            string token;
            try
            {
                using var response = await _http.GetAsync(_directoryUrl, ct);
                if (!response.IsSuccessStatusCode) return Refuse($"GET {_directoryUrl} answered {(int)response.StatusCode}");
                token = (await response.Content.ReadAsStringAsync(ct)).Trim();
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
            {
                return Refuse($"GET {_directoryUrl} failed: {ex.Message}");
            }
            try
            {
                var document = Verify(token);
                if (document.Relay != _directory.RelayId)
                    return Refuse($"the directory names relay '{document.Relay}', this party trusts '{_directory.RelayId}'");
                if (AcceptedIssuedAt is { } held && document.IssuedAt < held && !SkippedChecks.Contains("DIR-013"))
                    return Refuse($"the directory was issued at {document.IssuedAt:O}, before the one held ({held:O})");
                _directory.ReplaceAll(document.Parties);
                AcceptedIssuedAt = document.IssuedAt;
                LastRefusal = null;
                return true;
            }
            catch (ProtocolException ex)
            {
                return Refuse($"{ex.Code.Code}: {ex.Detail}");
            }
            catch (InvalidOperationException ex)
            {
                return Refuse(ex.Message);
            }
            catch (Exception ex) when (ex is Jose.JoseException or ArgumentException or FormatException)
            {
                return Refuse("not a compact JWS");
            }
        }
        finally
        {
            _fetching.Release();
        }
    }

    private DirectoryDocument Verify(string token)
    {
        if (SkippedChecks.Contains("DIR-010")) return Parse(Jose.JWT.Payload(token));
        if (!SkippedChecks.Contains("DIR-011")) return Parse(_verifier.VerifyPayload(token, ProtocolConstants.DirectoryType, _directory.RelayId));
        // The mutant: trusts whichever relay key the new directory itself lists.
        var unverified = Parse(Jose.JWT.Payload(token));
        var itsOwn = new PartyDirectory(_directory.RelayId);
        itsOwn.ReplaceAll(unverified.Parties);
        var verifier = new EnvelopeVerifier("directory-check", itsOwn, new MemoryReplayCache(_time), _time);
        return Parse(verifier.VerifyPayload(token, ProtocolConstants.DirectoryType, _directory.RelayId));
    }

    private static DirectoryDocument Parse(string payload) =>
        ProtocolJson.Deserialize<DirectoryDocument>(Encoding.UTF8.GetBytes(payload), "directory");

    private bool Refuse(string why)
    {
        LastRefusal = why;
        return false;
    }

    public void Dispose()
    {
        _timer?.Dispose();
        _fetching.Dispose();
    }
}

using System.Net.Http.Headers;
using System.Text;
using Chukei.Contracts.Directory;
using Chukei.Contracts.Envelopes;
using Chukei.Contracts.Json;
using Chukei.Contracts.Problems;

namespace Chukei.Contracts.Client;

/// <summary>
/// Calls another party: signs the request envelope, posts it, and verifies the signed answer (or reads the
/// problem). Every exchange is reported to <see cref="Exchanges"/> so callers can show what went over the wire.
/// </summary>
public sealed class PartyClient(HttpClient http, EnvelopeSigner signer, EnvelopeVerifier verifier, PartyDirectory directory)
{
    /// <summary>Receives every exchange (method, url, request body, status, response body).</summary>
    public Action<RecordedExchange>? Exchanges { get; set; }

    public EnvelopeSigner Signer => signer;

    /// <summary>Posts <paramref name="body"/> to <paramref name="targetId"/>'s <paramref name="path"/> and returns the verified answer.</summary>
    public async Task<PartyResponse<TAnswer>> PostAsync<TRequest, TAnswer>(string targetId, string path, TRequest body, CancellationToken ct = default)
    {
        var target = directory.Find(targetId) ?? throw new InvalidOperationException($"{targetId} is not in the directory");
        var url = new Uri(new Uri(target.BaseUrl!.TrimEnd('/') + "/"), path.TrimStart('/'));
        var (token, id) = signer.SignRequest(targetId, "POST", url.AbsolutePath, body);
        var raw = await SendAsync(url, token, ct);
        if (raw.Status != 200)
            return new PartyResponse<TAnswer>(raw.Status, default, ReadProblem(raw.Body), null);
        var verified = verifier.VerifyResponse(raw.Body, targetId, id);
        var answer = ProtocolJson.Deserialize<TAnswer>(verified.Claims.Body, "answer");
        return new PartyResponse<TAnswer>(raw.Status, answer, null, raw.Body);
    }

    /// <summary>Posts an already signed envelope (conformance attacks use this to send crafted tokens).</summary>
    public async Task<(int Status, string Body)> SendAsync(Uri url, string token, CancellationToken ct = default)
    {
        using var content = new StringContent(token, Encoding.ASCII);
        content.Headers.ContentType = new MediaTypeHeaderValue(ProtocolConstants.JoseMediaType);
        using var response = await http.PostAsync(url, content, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        Exchanges?.Invoke(new RecordedExchange("POST", url.ToString(), token, (int)response.StatusCode, body));
        return ((int)response.StatusCode, body);
    }

    public static Problem? ReadProblem(string body)
    {
        try
        {
            return ProtocolJson.Deserialize<Problem>(Encoding.UTF8.GetBytes(body), "problem");
        }
        catch (ProtocolException)
        {
            return null;
        }
    }
}

/// <summary>An answer: either a verified body or a problem.</summary>
public sealed record PartyResponse<T>(int Status, T? Answer, Problem? Problem, string? SignedBody)
{
    public bool IsSuccess => Status == 200 && Answer is not null;
}

/// <summary>One HTTP exchange as it went over the wire.</summary>
public sealed record RecordedExchange(string Method, string Url, string RequestBody, int Status, string ResponseBody);

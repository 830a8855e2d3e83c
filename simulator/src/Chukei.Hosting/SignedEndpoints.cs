using System.Text;
using Chukei.Contracts;
using Chukei.Contracts.Envelopes;
using Chukei.Contracts.Json;
using Chukei.Contracts.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Chukei.Hosting;

/// <summary>The caller of a signed call and the verified envelope it sent.</summary>
public sealed class SignedCall<TRequest>(PartyContext self, VerifiedEnvelope envelope, TRequest request)
{
    public PartyContext Self { get; } = self;
    public VerifiedEnvelope Envelope { get; } = envelope;
    public TRequest Request { get; } = request;
    public string CallerId => Envelope.Sender.Id;

    /// <summary>Whom the signed answer is addressed to: the caller, except where the protocol says otherwise (routed mode, INS-042).</summary>
    public string ResponseAudience { get; set; } = envelope.Sender.Id;

    /// <summary>The request envelope's jti the answer names (AUTH-010); settable only so a conformance mutant can name the wrong one.</summary>
    public string InResponseTo { get; set; } = envelope.Claims.Id;
}

/// <summary>
/// Maps POST endpoints whose body is a signed request envelope and whose 200 answer is a signed response envelope
/// (docs/protocol.md §5). Size, media type, signature, audience, time, replay, role and body shape are all
/// checked here, once, before any handler runs.
/// </summary>
public static class SignedEndpoints
{
    public static RouteHandlerBuilder MapSignedPost<TRequest, TAnswer>(
        this IEndpointRouteBuilder app,
        string pattern,
        Func<HttpContext, PartyContext?> resolveSelf,
        IReadOnlyCollection<PartyRole> allowedRoles,
        Action<TRequest> validate,
        Func<SignedCall<TRequest>, CancellationToken, Task<TAnswer>> handle)
    {
        return app.MapPost(pattern, async (HttpContext http, CancellationToken ct) =>
        {
            var self = resolveSelf(http);
            if (self is null) return ProblemResults.From(ProblemCodes.NotFound, "no such party at this host");
            string? correlationId = null;
            try
            {
                var token = await ReadTokenAsync(http, ct, enforceSizeLimit: !self.Verifier.SkippedChecks.Contains("ERR-003"));
                var path = http.Request.PathBase.Add(http.Request.Path).Value ?? "/";
                var envelope = await self.VerifyRequestAsync(token, "POST", path, ct);
                // ERR-009: the caller's role before the body. Its mutant reads and validates the body first.
                var bodyFirst = self.Verifier.SkippedChecks.Contains("ERR-009");
                TRequest? request = default;
                // ID-013: from here a refusal is about a request whose body can be read, so it carries its correlationId.
                correlationId = ReadableCorrelationId(envelope.Claims.Body);
                if (bodyFirst) request = ReadBody(self, envelope, validate, ref correlationId);
                if (!allowedRoles.Contains(envelope.Sender.Role))
                    throw new ProtocolException(ProblemCodes.RoleNotAllowed, $"role {envelope.Sender.Role} may not call {path}");
                if (!bodyFirst) request = ReadBody(self, envelope, validate, ref correlationId);
                var call = new SignedCall<TRequest>(self, envelope, request!);
                var answer = await handle(call, ct);
                var signed = self.Signer.SignResponse(call.ResponseAudience, call.InResponseTo, answer);
                return Results.Text(signed, ProtocolConstants.JoseMediaType, Encoding.ASCII, 200);
            }
            catch (ProtocolException ex)
            {
                // The ERR-001 mutant answers errors as plain text, as a framework's default error page would.
                return self.Verifier.SkippedChecks.Contains("ERR-001")
                    ? Results.Text($"{ex.Code.Code}: {ex.Detail}", "text/plain", Encoding.UTF8, ex.Code.Status)
                    : ProblemResults.From(ex, correlationId);
            }
        });
    }

    /// <summary>The body's correlationId when it is one (ID-013: 1 to 128 characters, no control character), else null.</summary>
    private static string? ReadableCorrelationId(System.Text.Json.JsonElement body) =>
        body.ValueKind == System.Text.Json.JsonValueKind.Object
        && body.TryGetProperty("correlationId", out var id) && id.ValueKind == System.Text.Json.JsonValueKind.String
        && id.GetString() is { Length: > 0 and <= 128 } text && !text.Any(char.IsControl)
            ? text
            : null;

    /// <summary>The body record (ERR-002, ERR-004, ERR-005), its correlationId when it has one (so a refusal can name it), then the endpoint's own validation.</summary>
    private static TRequest ReadBody<TRequest>(PartyContext self, VerifiedEnvelope envelope, Action<TRequest> validate, ref string? correlationId)
    {
        TRequest request;
        try
        {
            request = ProtocolJson.Deserialize<TRequest>(envelope.Claims.Body, "request body");
        }
        catch (ProtocolException ex) when (ex.Code == ProblemCodes.InvalidField && self.Verifier.SkippedChecks.Contains("ERR-005"))
        {
            // The ERR-005 mutant: every deserialisation failure reported as malformed JSON, as a framework's default binder does.
            throw new ProtocolException(ProblemCodes.MalformedJson, ex.Detail);
        }
        correlationId = (request as Contracts.Wire.ICorrelated)?.CorrelationId;
        validate(request);
        return request;
    }

    /// <summary>Reads the body as a compact token, enforcing media type and size before anything is parsed (ERR-003).</summary>
    /// <param name="enforceSizeLimit">False only for the ERR-003 mutant, which reads a body of any size.</param>
    public static async Task<string> ReadTokenAsync(HttpContext http, CancellationToken ct, bool enforceSizeLimit = true)
    {
        var contentType = http.Request.ContentType ?? "";
        if (!contentType.StartsWith(ProtocolConstants.JoseMediaType, StringComparison.OrdinalIgnoreCase))
            throw new ProtocolException(ProblemCodes.UnsupportedMediaType, $"Content-Type is '{contentType}', expected {ProtocolConstants.JoseMediaType}", "Content-Type");
        if (!enforceSizeLimit)
        {
            using var reader = new StreamReader(http.Request.Body, Encoding.ASCII);
            return (await reader.ReadToEndAsync(ct)).Trim();
        }
        if (http.Request.ContentLength > ProtocolConstants.MaxBodyBytes)
            throw new ProtocolException(ProblemCodes.BodyTooLarge, $"body of {http.Request.ContentLength} bytes exceeds {ProtocolConstants.MaxBodyBytes}");
        var buffer = new byte[ProtocolConstants.MaxBodyBytes + 1];
        var total = 0;
        int read;
        while ((read = await http.Request.Body.ReadAsync(buffer.AsMemory(total), ct)) > 0)
        {
            total += read;
            if (total > ProtocolConstants.MaxBodyBytes)
                throw new ProtocolException(ProblemCodes.BodyTooLarge, $"body exceeds {ProtocolConstants.MaxBodyBytes} bytes");
        }
        return Encoding.ASCII.GetString(buffer, 0, total).Trim();
    }
}

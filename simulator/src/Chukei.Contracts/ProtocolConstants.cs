namespace Chukei.Contracts;

/// <summary>Normative constants of protocol v1 (docs/protocol.md). One place, so code and doc cannot drift.</summary>
public static class ProtocolConstants
{
    public const string Version = "1";

    /// <summary>JWS <c>typ</c> of the relay's inner seal (SEAL-003). Explicit typing stops cross-JWT confusion (RFC 8725 §3.11).</summary>
    public const string SealType = "chukei-seal+jwt";

    /// <summary>JWS <c>typ</c> of a signed request envelope (AUTH-002).</summary>
    public const string RequestType = "chukei-req+jwt";

    /// <summary>JWS <c>typ</c> of a signed response envelope (AUTH-010).</summary>
    public const string ResponseType = "chukei-res+jwt";

    /// <summary>JWS <c>typ</c> of a signed access-log checkpoint (LOG-020).</summary>
    public const string CheckpointType = "chukei-checkpoint+jwt";

    /// <summary>JWS <c>typ</c> of the signed party directory (DIR-010).</summary>
    public const string DirectoryType = "chukei-dir+jwt";

    public const string JoseMediaType = "application/jose";
    public const string ProblemMediaType = "application/problem+json";

    public const string SignatureAlgorithm = "ES256";
    public const string KeyAgreementAlgorithm = "ECDH-ES+A256KW";
    public const string ContentEncryption = "A256GCM";
    public const string Curve = "P-256";

    /// <summary>Clock-skew allowance applied to every time check (INS-025, INS-026, AUTH-005).</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(60);

    /// <summary>A seal lives at most this long from <c>iat</c> to <c>exp</c> (SEAL-007).</summary>
    public static readonly TimeSpan MaxSealLifetime = TimeSpan.FromMinutes(5);

    /// <summary>A request envelope lives at most this long (AUTH-005).</summary>
    public static readonly TimeSpan MaxEnvelopeLifetime = TimeSpan.FromMinutes(2);

    /// <summary>Largest seal accepted (INS-011); larger ones are refused before parsing.</summary>
    public const int MaxTokenLength = 16 * 1024;

    /// <summary>
    /// Largest request envelope (AUTH-001): the body limit itself, since an inquiry must carry a full-size seal and a
    /// log report up to <see cref="MaxReportEntries"/> records.
    /// </summary>
    public const int MaxRequestLength = MaxBodyBytes;

    /// <summary>Largest response envelope, directory or checkpoint a party accepts (AUTH-001): answers can list many entries.</summary>
    public const int MaxResponseLength = 1024 * 1024;

    /// <summary>Most entries one access-log report may carry (LOG-010), so a report fits in one request body.</summary>
    public const int MaxReportEntries = 100;

    /// <summary>Largest HTTP request body accepted by any party (ERR-003).</summary>
    public const int MaxBodyBytes = 64 * 1024;

    /// <summary>Japan Standard Time; Japan has no daylight saving, so a fixed offset is exact. "Today" is always a JST date.</summary>
    public static readonly TimeSpan JapanOffset = TimeSpan.FromHours(9);

    /// <summary>The relay issues a signed access-log checkpoint after this many entries (LOG-020).</summary>
    public const int CheckpointInterval = 100;

    /// <summary>JSON nesting limit for every parsed document (ERR-004).</summary>
    public const int MaxJsonDepth = 16;
}

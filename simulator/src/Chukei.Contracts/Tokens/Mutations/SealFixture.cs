using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Chukei.Contracts.Directory;
using Chukei.Contracts.Identifiers;
using Chukei.Contracts.Json;
using Chukei.Contracts.Keys;
using Chukei.Contracts.Wire;

namespace Chukei.Contracts.Tokens.Mutations;

/// <summary>
/// The fixed world the seal mutations run in: a relay with an active, a retired and a revoked signing key; the target
/// insurer (whose step ④ is under test) with an active, a retired and a revoked encryption key; the requester; a second
/// insurer; and an attacker outside the directory. Keys derive from <see cref="Seed"/>, so the world is the same on
/// every run; only ECDSA and ECDH-ES randomness makes token bytes differ.
/// </summary>
public sealed class SealFixture
{
    public const string Seed = "chukei/test-vectors/v1";

    public const string RelayId = "relay.chukei.test";
    public const string TargetId = "kenpo-a.chukei.test";
    public const string RequesterId = "kaigo-b.chukei.test";
    public const string OtherInsurerId = "kenpo-c.chukei.test";

    /// <summary>An insurer the directory lists as revoked (DIR-006): its key is active, yet nothing it signs is accepted.</summary>
    public const string RevokedInsurerId = "kenpo-d.chukei.test";

    /// <summary>The portal: the only party that may read a person's access log (LOG-015).</summary>
    public const string PortalId = "portal.chukei.test";

    /// <summary>A clinic: names a person by the medical card presented to it and asks through the relay (RLY-020).</summary>
    public const string ClinicId = "clinic.chukei.test";

    /// <summary>A second clinic, so that a challenge issued to one clinic can be presented by another (CLN-010).</summary>
    public const string SecondClinicId = "clinic-b.chukei.test";

    /// <summary>Owner label of keys that belong to no party in the directory.</summary>
    public const string AttackerId = "attacker.example";

    public const string RelaySigningKid = RelayId + "-sig-3";
    public const string RelayRetiredKid = RelayId + "-sig-2";
    public const string RelayRevokedKid = RelayId + "-sig-1";
    public const string TargetSigningKid = TargetId + "-sig-1";
    public const string TargetEncryptionKid = TargetId + "-enc-3";
    public const string TargetRetiredEncryptionKid = TargetId + "-enc-2";
    public const string TargetRevokedEncryptionKid = TargetId + "-enc-1";
    public const string RequesterSigningKid = RequesterId + "-sig-1";
    public const string RequesterEncryptionKid = RequesterId + "-enc-1";
    public const string OtherSigningKid = OtherInsurerId + "-sig-1";
    public const string OtherEncryptionKid = OtherInsurerId + "-enc-1";
    public const string RevokedInsurerSigningKid = RevokedInsurerId + "-sig-1";
    public const string PortalSigningKid = PortalId + "-sig-1";
    public const string PortalEncryptionKid = PortalId + "-enc-1";
    public const string ClinicSigningKid = ClinicId + "-sig-1";
    public const string ClinicEncryptionKid = ClinicId + "-enc-1";
    public const string SecondClinicSigningKid = SecondClinicId + "-sig-1";
    public const string AttackerKid = AttackerId + "-sig-1";

    /// <summary>2026-04-01 10:00 JST: the instant every vector is verified at.</summary>
    public static DateTimeOffset DefaultNow { get; } = new(2026, 4, 1, 1, 0, 0, TimeSpan.Zero);

    public static string TargetInsurerNumber { get; } = IdentifierRules.WithCheckDigit("0613001");
    public static string RequesterInsurerNumber { get; } = IdentifierRules.WithCheckDigit("13101");
    public static string OtherInsurerNumber { get; } = IdentifierRules.WithCheckDigit("0627001");
    public static string RevokedInsurerNumber { get; } = IdentifierRules.WithCheckDigit("0627002");

    /// <summary>The items a requester asks for by default: all that <see cref="Purposes.LtcMedicalCombined"/> allows.</summary>
    public static IReadOnlyList<string> DefaultItems { get; } = [DataItems.Eligibility, DataItems.Benefits];

    private readonly ConcurrentDictionary<string, ECDsa> _signers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ECDiffieHellman> _agreements = new(StringComparer.Ordinal);

    public SealFixture() : this(DefaultNow) { }

    public SealFixture(DateTimeOffset now)
    {
        Now = now;
        Keys =
        [
            Derive(RelayId, PublicJwk.UseSignature, RelaySigningKid, KeyStatus.Active, "the relay's current seal-signing key"),
            Derive(RelayId, PublicJwk.UseSignature, RelayRetiredKid, KeyStatus.Retired, "a retired relay key: seals it signed are still accepted"),
            Derive(RelayId, PublicJwk.UseSignature, RelayRevokedKid, KeyStatus.Revoked, "a revoked relay key: seals it signed are refused"),
            Derive(TargetId, PublicJwk.UseSignature, TargetSigningKid, KeyStatus.Active, "the target insurer's envelope-signing key"),
            Derive(TargetId, PublicJwk.UseEncryption, TargetEncryptionKid, KeyStatus.Active, "the target's current encryption key: seals are encrypted to it"),
            Derive(TargetId, PublicJwk.UseEncryption, TargetRetiredEncryptionKid, KeyStatus.Retired, "a retired target encryption key: still decrypts"),
            Derive(TargetId, PublicJwk.UseEncryption, TargetRevokedEncryptionKid, KeyStatus.Revoked, "a revoked target encryption key: seals to it are refused"),
            Derive(RequesterId, PublicJwk.UseSignature, RequesterSigningKid, KeyStatus.Active, "the requester's envelope-signing key"),
            Derive(RequesterId, PublicJwk.UseEncryption, RequesterEncryptionKid, KeyStatus.Active, "the requester's encryption key"),
            Derive(OtherInsurerId, PublicJwk.UseSignature, OtherSigningKid, KeyStatus.Active, "a second insurer's envelope-signing key"),
            Derive(OtherInsurerId, PublicJwk.UseEncryption, OtherEncryptionKid, KeyStatus.Active, "a second insurer's encryption key"),
            Derive(RevokedInsurerId, PublicJwk.UseSignature, RevokedInsurerSigningKid, KeyStatus.Active, "an active key of a revoked party: envelopes it signs are refused"),
            Derive(PortalId, PublicJwk.UseSignature, PortalSigningKid, KeyStatus.Active, "the portal's envelope-signing key"),
            Derive(PortalId, PublicJwk.UseEncryption, PortalEncryptionKid, KeyStatus.Active, "the portal's encryption key"),
            Derive(ClinicId, PublicJwk.UseSignature, ClinicSigningKid, KeyStatus.Active, "the clinic's envelope-signing key"),
            Derive(ClinicId, PublicJwk.UseEncryption, ClinicEncryptionKid, KeyStatus.Active, "the clinic's encryption key"),
            Derive(SecondClinicId, PublicJwk.UseSignature, SecondClinicSigningKid, KeyStatus.Active, "a second clinic's envelope-signing key"),
            Derive(AttackerId, PublicJwk.UseSignature, AttackerKid, KeyStatus.Active, "an attacker's key, in no directory"),
        ];
        Parties =
        [
            Party(RelayId, PartyRole.Relay, "Chukei test relay", null),
            Party(TargetId, PartyRole.MedicalInsurer, "Test Kenpo A (target)", TargetInsurerNumber),
            Party(RequesterId, PartyRole.LtcInsurer, "Test LTC insurer B (requester)", RequesterInsurerNumber),
            Party(OtherInsurerId, PartyRole.MedicalInsurer, "Test Kenpo C (another insurer)", OtherInsurerNumber),
            Party(RevokedInsurerId, PartyRole.MedicalInsurer, "Test Kenpo D (revoked)", RevokedInsurerNumber) with { Revoked = true },
            Party(PortalId, PartyRole.Portal, "Chukei test portal", null),
            Party(ClinicId, PartyRole.Clinic, "Test clinic", null),
            Party(SecondClinicId, PartyRole.Clinic, "Test clinic B (another clinic)", null),
        ];
        Directory = new PartyDirectory(RelayId);
        Directory.Replace(Parties);
        TargetKeys = KeySet(TargetId);
    }

    public DateTimeOffset Now { get; }

    public long NowSeconds => Now.ToUnixTimeSeconds();

    public IReadOnlyList<FixtureKey> Keys { get; }

    public IReadOnlyList<PartyDescriptor> Parties { get; }

    /// <summary>The target's view of the directory (read-only use; it caches parsed keys).</summary>
    public PartyDirectory Directory { get; }

    /// <summary>The target insurer's private keys, as <see cref="SealVerificationContext.OwnKeys"/>.</summary>
    public PartyKeySet TargetKeys { get; }

    public FixtureKey Key(string kid) => Keys.Single(k => k.Kid == kid);

    public ECDsa Signer(string kid) => _signers.GetOrAdd(kid, k => Key(k).ToECDsa());

    public ECDiffieHellman Agreement(string kid) => _agreements.GetOrAdd(kid, k => Key(k).ToECDiffieHellman());

    /// <summary>A party's private keys in fixture order (the first active key of a kind is its current one).</summary>
    public PartyKeySet KeySet(string partyId)
    {
        var set = new PartyKeySet();
        foreach (var k in Keys.Where(k => k.Owner == partyId))
        {
            if (k.Use == PublicJwk.UseSignature) set.AddSigningKey(k.Kid, k.ToECDsa(), k.Status);
            else set.AddEncryptionKey(k.Kid, k.ToECDiffieHellman(), k.Status);
        }
        return set;
    }

    public DirectoryDocument DirectoryDocument() => new() { Relay = RelayId, IssuedAt = Now, Parties = Parties };

    /// <summary>A stable, distinct jti per mutation, so one replay cache can run every vector in sequence.</summary>
    public static string JtiFor(string name) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("jti/" + name)))[..32];

    /// <summary>Claims the relay would seal: iat = nbf = now, the maximum 5-minute lifetime, for the requester and the default purpose.</summary>
    public SealClaims ValidClaims(string jti) => new()
    {
        Issuer = RelayId,
        Audience = TargetId,
        IssuedAt = NowSeconds,
        NotBefore = NowSeconds,
        Expires = NowSeconds + (long)ProtocolConstants.MaxSealLifetime.TotalSeconds,
        Id = jti,
        Requester = RequesterId,
        Purpose = Purposes.LtcMedicalCombined,
        LogEntryId = "L0000000042-" + jti[..8],
        AsOf = NowSeconds - (30 * 86_400),
        Insured = new SealedInsured { Kind = InsuranceKind.Medical, InsurerNumber = TargetInsurerNumber, Symbol = "12", Number = "3456", Branch = "01" },
    };

    /// <summary>Signs and encrypts like the relay: the valid seal of these claims.</summary>
    public string Seal(SealClaims claims) => Encrypt(SignInner(claims));

    public string SignInner(SealClaims claims) => SignInner(ProtocolJson.Serialize(claims));

    /// <summary>The relay's inner JWS over exact claims text, by <see cref="SealIssuer"/> under the given relay key.</summary>
    public string SignInner(string claimsJson, string kid = RelaySigningKid) => new SealIssuer(kid, Signer(kid)).SignInner(claimsJson);

    /// <summary>Encrypts any plaintext to the target like the relay does (<see cref="SealIssuer.Encrypt"/>).</summary>
    public string Encrypt(string plaintext, string kid = TargetEncryptionKid) => SealIssuer.Encrypt(plaintext, kid, Agreement(kid));

    public SealVerificationContext Context(TimeProvider time, IReplayCache replay, string callerId, IReadOnlyList<string> items) => new()
    {
        SelfId = TargetId,
        OwnKeys = TargetKeys,
        Directory = Directory,
        ReplayCache = replay,
        Time = time,
        CallerId = callerId,
        RequestedItems = items,
    };

    /// <summary>Derives the key under its kid's generation; the kid constants above spell the same kids.</summary>
    private static FixtureKey Derive(string owner, string use, string kid, KeyStatus status, string note)
    {
        var generation = int.Parse(kid[(kid.LastIndexOf('-') + 1)..], CultureInfo.InvariantCulture);
        return FixtureKey.Derive(Seed, owner, use, generation, status, note);
    }

    private PartyDescriptor Party(string id, PartyRole role, string name, string? insurerNumber) => new()
    {
        Id = id,
        Role = role,
        Name = name,
        InsurerNumber = insurerNumber,
        // Only the relay and insurers serve endpoints (DIR-001).
        BaseUrl = role is PartyRole.Portal or PartyRole.Clinic ? null : "https://" + id,
        Keys = [.. Keys.Where(k => k.Owner == id).Select(k => k.PublicJwk)],
    };
}

using System.Security.Cryptography;
using Chukei.Contracts;
using Chukei.Contracts.Directory;
using Chukei.Contracts.Envelopes;
using Chukei.Contracts.Keys;
using Chukei.Contracts.Tokens;
using Chukei.Contracts.Wire;
using Microsoft.Extensions.Time.Testing;

namespace Chukei.Benchmarks;

/// <summary>
/// The parties of figure 5 as the seal sees them: the relay signs, the medical insurer (target) opens, the LTC
/// insurer (requester) presents. Keys come from <see cref="PartyKeySet.FromSeed"/> and the recipient key from the
/// directory, exactly as <c>LookupService.Seal</c> obtains it, so the primitives and the seal use the same key objects.
/// </summary>
internal sealed class SealFixture
{
    public const string RelayId = "relay.chukei.test";
    public const string TargetId = "kenpo-chukei";
    public const string RequesterId = "ltc-chiyoda";

    public static readonly IReadOnlyList<string> Items = [DataItems.Eligibility, DataItems.Benefits];

    public SealFixture()
    {
        Time = new FakeTimeProvider(new DateTimeOffset(2026, 8, 3, 0, 0, 0, TimeSpan.Zero));
        RelayKeys = PartyKeySet.FromSeed("bench", RelayId);
        TargetKeys = PartyKeySet.FromSeed("bench", TargetId);
        var requesterKeys = PartyKeySet.FromSeed("bench", RequesterId);
        Directory = new PartyDirectory(RelayId);
        Directory.Upsert(new PartyDescriptor { Id = RelayId, Role = PartyRole.Relay, Name = "中継DB", Keys = RelayKeys.PublicKeys() });
        Directory.Upsert(new PartyDescriptor { Id = TargetId, Role = PartyRole.MedicalInsurer, Name = "中継健康保険組合", InsurerNumber = "06139992", Keys = TargetKeys.PublicKeys() });
        Directory.Upsert(new PartyDescriptor { Id = RequesterId, Role = PartyRole.LtcInsurer, Name = "千代田区介護保険", InsurerNumber = "131011", Keys = requesterKeys.PublicKeys() });

        (SigningKid, SigningKey) = RelayKeys.CurrentSigningKey;
        Issuer = new SealIssuer(SigningKid, SigningKey);
        (RecipientKid, RecipientPublicKey) = Directory.EncryptionKeyOf(TargetId) ?? throw new InvalidOperationException("the target has no encryption key");
        RecipientPrivateKey = TargetKeys.FindDecryptionKey(RecipientKid) ?? throw new InvalidOperationException("the target cannot open its own key");
        var relaySigning = Directory.FindKey(SigningKid) ?? throw new InvalidOperationException("the relay key is not in the directory");
        SigningVerifier = Directory.VerifierFor(relaySigning.Key);
        Claims = NewClaims();
    }

    public FakeTimeProvider Time { get; }
    public PartyKeySet RelayKeys { get; }
    public PartyKeySet TargetKeys { get; }
    public PartyDirectory Directory { get; }
    public string SigningKid { get; }
    public ECDsa SigningKey { get; }

    /// <summary>The relay's public signing key as the target holds it (the directory's cached verifier).</summary>
    public ECDsa SigningVerifier { get; }

    public SealIssuer Issuer { get; }
    public string RecipientKid { get; }

    /// <summary>The target's public key-agreement key as the relay holds it (public point only).</summary>
    public ECDiffieHellman RecipientPublicKey { get; }

    public ECDiffieHellman RecipientPrivateKey { get; }

    /// <summary>A representative claims set (the figure-5 lookup's), reused where the jti does not matter.</summary>
    public SealClaims Claims { get; }

    /// <summary>Claims as <c>LookupService.Seal</c> builds them, with a fresh jti.</summary>
    public SealClaims NewClaims()
    {
        var now = Time.GetUtcNow().ToUnixTimeSeconds();
        return new SealClaims
        {
            Issuer = RelayId,
            Audience = TargetId,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + (long)ProtocolConstants.MaxSealLifetime.TotalSeconds,
            Id = EnvelopeSigner.NewId(),
            Requester = RequesterId,
            Purpose = Purposes.LtcMedicalCombined,
            Routed = false,
            LogEntryId = "L0000000001-0123abcd",
            AsOf = now - 86_400,
            Insured = new SealedInsured { Kind = InsuranceKind.Medical, InsurerNumber = "06139992", Symbol = "12", Number = "3456", Branch = "02" },
        };
    }

    public string NewSeal() => Issuer.Seal(NewClaims(), RecipientKid, RecipientPublicKey);

    public SealVerificationContext VerificationContext(IReplayCache replayCache) => new()
    {
        SelfId = TargetId,
        OwnKeys = TargetKeys,
        Directory = Directory,
        ReplayCache = replayCache,
        Time = Time,
        CallerId = RequesterId,
        RequestedItems = Items,
    };
}

/// <summary>A replay cache that has never seen anything, so one seal can be opened and checked repeatedly (INS-028 still runs).</summary>
internal sealed class AcceptAllReplayCache : IReplayCache
{
    public bool Contains(string id) => false;

    public bool TryAdd(string id, DateTimeOffset expiresAt) => true;
}

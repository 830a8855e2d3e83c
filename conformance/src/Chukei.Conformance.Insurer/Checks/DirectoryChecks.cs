using Chukei.Conformance.Insurer.Kit;
using Chukei.Conformance.Outcomes;
using Chukei.Contracts;
using Chukei.Contracts.Client;
using Chukei.Contracts.Directory;
using Chukei.Contracts.Envelopes;
using Chukei.Contracts.Json;
using Chukei.Contracts.Keys;
using Chukei.Contracts.Tokens;
using Chukei.Contracts.Tokens.Mutations;
using static Chukei.Contracts.Tokens.Mutations.SealFixture;

namespace Chukei.Conformance.Insurer.Checks;

/// <summary>
/// The directory and key rotation (docs/protocol.md §3.2, §3.3), seen from the insurer under test: the kit's relay
/// serves a new directory at <c>GET /v1/directory</c> and presents an inquiry from kaigo-b signed under a kid only that
/// directory lists. A target that refreshes before refusing an unknown kid (DIR-009) fetches it; the request journal
/// shows whether it did. A correct target takes up a rotated key and refuses every forged or older directory.
/// </summary>
public static class DirectoryChecks
{
    private const string UnknownKid = "auth-key-unknown";

    /// <summary>DIR-009 (with DIR-008): kaigo-b rotates its signing key; the target learns the new key from the directory.</summary>
    public static Task RotatedKeyAsync(InsurerSession session, CheckContext check)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(check);
        return session.Directory.ExclusiveAsync(async () =>
        {
            // Arrange: the new key listed first as active, the old one retired (DIR-008).
            var keys = session.Directory.Rotate(RequesterId);
            var kid = keys.CurrentSigningKey.Kid;
            Serve(session, check, session.Directory.Sign(session.Directory.Document(session.Target.Time.GetUtcNow())));

            // Act
            var (response, fetched) = await PresentUntilFetchedAsync(session, check, "rotated-requester-key", keys);

            // Assert
            TookUpRotatedKey(session, check, response, fetched, UnknownKid, $"{RequesterId}'s", kid, "envelope");
        });
    }

    /// <summary>DIR-009 (with DIR-008): the relay rotates its signing key; the target verifies a seal under the new key after fetching the directory.</summary>
    public static Task RotatedRelayKeyAsync(InsurerSession session, CheckContext check)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(check);
        return session.Directory.ExclusiveAsync(async () =>
        {
            // Arrange
            var (kid, key, directory) = session.Directory.RotateRelay();
            Serve(session, check, directory);

            // Act
            var (response, fetched) = await PresentUntilFetchedAsync(session, check, "rotated-relay-key", null,
                fixture => fixture.Encrypt(new SealIssuer(kid, key).SignInner(ProtocolJson.Serialize(fixture.ValidClaims(EnvelopeSigner.NewId())))));

            // Assert
            TookUpRotatedKey(session, check, response, fetched, "seal-key-unknown", "the relay's", kid, "seal");
        });
    }

    /// <summary>DIR-009: answered, or a warning saying whether the target fetched the directory listing the rotated key.</summary>
    private static void TookUpRotatedKey(InsurerSession session, CheckContext check, InquiryExchange response, bool fetched, string unknownKeyCode, string whose, string kid, string token)
    {
        if (response.Status == 200)
        {
            // Answered is seen in a verified answer to this very request, not in the status alone.
            response.ReadAnswer(session.World, RequesterId);
            return;
        }
        if (response.Problem?.Code != unknownKeyCode)
            throw check.Unreachable($"the {token} under {whose} rotated key was answered {response.Summary}, which is not about the key");
        check.Should("DIR-009", false, fetched
            ? $"the target fetched the directory that lists {kid} as {whose} active signing key, yet refused the {token} signed with it: {response.Summary}"
            : $"the target refused the {token} under {whose} rotated key {kid} ({response.Summary}) and did not fetch {session.Relay.Url}v1/directory within {session.Target.DirectoryWait.TotalSeconds:0.#} s to learn it");
    }

    /// <summary>
    /// AUTH-004 with DIR-009 (§12.1 N22): a key the target has accepted is revoked in a later directory, and the target
    /// stops accepting it. A key cache that only ever adds keys passes every other case. The target takes up a rotated
    /// kaigo-b key (answered); then a directory revokes that key and lists another new one, and an envelope under the
    /// other (an unknown kid) makes the target fetch it; an envelope under the revoked key must then be auth-key-revoked.
    /// </summary>
    public static Task RevokedAfterAcceptedAsync(InsurerSession session, CheckContext check)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(check);
        return session.Directory.ExclusiveAsync(async () =>
        {
            // Arrange: the target accepts a rotated key …
            var accepted = session.Directory.Rotate(RequesterId);
            var acceptedKid = accepted.CurrentSigningKey.Kid;
            Serve(session, check, session.Directory.Sign(session.Directory.Document(session.Target.Time.GetUtcNow())));
            var (first, _) = await PresentUntilFetchedAsync(session, check, "revoked-after-accepted-first", accepted);
            if (first.Status != 200)
                throw check.Unreachable($"the target did not take up kaigo-b's rotated key {acceptedKid} ({first.Summary}); rotated-requester-key (DIR-009) covers that");
            first.ReadAnswer(session.World, RequesterId);
            // … then a later directory revokes it and lists yet another new key, which the target has not seen.
            var (next, nextKeys) = KitDirectory.NewSigningKey(RequesterId, "after-revocation");
            var requester = session.World.Directory.Find(RequesterId)!;
            session.World.Directory.Upsert(KitDirectory.WithKey(requester with
            {
                Keys = [.. requester.Keys.Select(k => k.Kid == acceptedKid ? k with { Status = Contracts.Keys.KeyStatus.Revoked } : k)],
            }, next));
            Serve(session, check, session.Directory.Sign(session.Directory.Document(session.Target.Time.GetUtcNow())));
            var (learnt, fetched) = await PresentUntilFetchedAsync(session, check, "revoked-after-accepted-new-key", nextKeys);
            if (!fetched && learnt.Status != 200)
                throw check.Unreachable($"the target did not fetch {session.Relay.Url}v1/directory within {session.Target.DirectoryWait.TotalSeconds:0.#} s of an envelope under the unknown kid {next.Kid}, " +
                    "so whether it would drop the revoked key is not observable (rotated-requester-key checks DIR-009)");

            // Act
            var response = await new InquiryCaller(session.World, check.Evidence).PresentAsync(RequesterId, ValidSeal(session), DefaultItems,
                InquiryCaller.NewCorrelationId("revoked-after-accepted"), signingKeys: accepted);

            // Assert
            var revoked = Contracts.Problems.ProblemCodes.AuthKeyRevoked;
            check.Must(response.Status == revoked.Status && response.Problem?.Code == revoked.Code,
                $"the target accepted kaigo-b's key {acceptedKid}, then took up a directory in which it is revoked; an envelope under it must be refused with {revoked.Code} ({revoked.Status}), " +
                $"but the target answered {response.Summary}: it still trusts a key it once accepted");
        });
    }

    private static string ValidSeal(InsurerSession session)
    {
        var fixture = session.World.NewFixture();
        return fixture.Seal(fixture.ValidClaims(EnvelopeSigner.NewId()));
    }

    /// <summary>DIR-010 / DIR-011: a directory the target must refuse; the key only it lists must stay unknown.</summary>
    public static Task ForgedAsync(InsurerSession session, CheckContext check, string caseName)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(check);
        return session.Directory.ExclusiveAsync(async () =>
        {
            // Arrange: a directory that lists a new kaigo-b key, made wrong in one way.
            var (key, keys) = KitDirectory.NewSigningKey(RequesterId, "forged");
            var (token, what) = Forge(session, caseName, key);
            Serve(session, check, token);

            // Act
            var (response, fetched) = await PresentUntilFetchedAsync(session, check, caseName, keys);

            // Assert
            check.Must(response.Status != 200,
                $"the target answered an inquiry signed under {key.Kid}, a key that only {what} lists: it accepted that directory");
            if (!fetched)
                throw check.Unreachable($"the target did not fetch {session.Relay.Url}v1/directory within {session.Target.DirectoryWait.TotalSeconds:0.#} s of an envelope under an unknown kid, " +
                    $"so whether it would refuse {what} is not observable (rotated-requester-key checks DIR-009)");
        });
    }

    /// <summary>DIR-013: once the target holds a directory, an older one (a replay that could bring back revoked keys) is refused.</summary>
    public static Task OlderAsync(InsurerSession session, CheckContext check)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(check);
        return session.Directory.ExclusiveAsync(async () =>
        {
            // Arrange: the target takes up a fresh directory (a rotated key proves it) …
            var issued = session.Target.Time.GetUtcNow();
            var rotated = session.Directory.Rotate(RequesterId);
            Serve(session, check, session.Directory.Sign(session.Directory.Document(issued)));
            var (fresh, _) = await PresentUntilFetchedAsync(session, check, "older-directory-fresh", rotated);
            if (fresh.Status != 200)
                throw check.Unreachable($"the target did not take up a fresh directory listing a rotated key ({fresh.Summary}); see rotated-requester-key (DIR-009)");
            // … then an hour older one, correctly signed, listing yet another key.
            var (key, keys) = KitDirectory.NewSigningKey(RequesterId, "older");
            var older = session.Directory.Document(issued.AddHours(-1), p => p.Id == RequesterId ? KitDirectory.WithKey(p, key) : p);
            Serve(session, check, session.Directory.Sign(older));

            // Act
            var (response, fetched) = await PresentUntilFetchedAsync(session, check, "older-directory", keys);

            // Assert
            check.Must(response.Status != 200,
                $"the target answered an inquiry signed under {key.Kid}, which only a directory issued at {ProtocolText.Time(older.IssuedAt)} lists, an hour before the one it held: it went back to an older directory");
            if (!fetched)
                throw check.Unreachable($"the target did not fetch the directory again within {session.Target.DirectoryWait.TotalSeconds:0.#} s of an envelope under an unknown kid");
        });
    }

    /// <summary>The forged directory of <paramref name="caseName"/>, listing <paramref name="key"/> for kaigo-b, and how to name it in messages.</summary>
    private static (string Token, string What) Forge(InsurerSession session, string caseName, PublicJwk key)
    {
        var fixture = session.World.NewFixture();
        var now = session.Target.Time.GetUtcNow();
        var document = session.Directory.Document(now, p => p.Id == RequesterId ? KitDirectory.WithKey(p, key) : p);
        var payload = ProtocolJson.Serialize(document);
        switch (caseName)
        {
            case "unsigned-directory":
                return (JwsCrafter.SigningInput(JwsCrafter.SealHeader("none", ProtocolConstants.DirectoryType, RelaySigningKid), payload) + ".",
                    "an unsigned directory (alg none)");
            case "directory-signature-broken":
                // The relay's genuine signature over a different document.
                var genuine = session.Directory.Sign(session.Directory.Document(now));
                return (JwsCrafter.SigningInput(JwsCrafter.SealHeader(ProtocolConstants.SignatureAlgorithm, ProtocolConstants.DirectoryType, RelaySigningKid), payload)
                    + "." + genuine.Split('.')[2], "a directory whose signature does not verify");
            case "directory-wrong-type":
                return (KitDirectory.Sign(document, RelaySigningKid, fixture.Signer(RelaySigningKid), typ: "JWT"), "a directory typed JWT instead of chukei-dir+jwt");
            case "directory-revoked-relay-key":
                return (KitDirectory.Sign(document, RelayRevokedKid, fixture.Signer(RelayRevokedKid)), $"a directory signed under the relay's revoked key {RelayRevokedKid}");
            case "directory-signed-by-an-insurer":
                return (KitDirectory.Sign(document, OtherSigningKid, fixture.Signer(OtherSigningKid)), $"a directory signed by {OtherInsurerId}, not the relay");
            case "self-vouching-directory":
                // A new relay key, listed first as active by the very directory it signs (DIR-011).
                var (relayKey, relayKeys) = KitDirectory.NewSigningKey(RelayId, "self");
                var selfVouching = session.Directory.Document(now, p => p.Id switch
                {
                    RequesterId => KitDirectory.WithKey(p, key),
                    RelayId => KitDirectory.WithKey(p, relayKey),
                    _ => p,
                });
                return (KitDirectory.Sign(selfVouching, relayKey.Kid, relayKeys.CurrentSigningKey.Key), $"a directory signed under {relayKey.Kid}, a relay key only that directory lists");
            default:
                throw new ArgumentOutOfRangeException(nameof(caseName), caseName, "no such forged directory");
        }
    }

    /// <summary>The forged directories, each a case: DIR-010's checks, then DIR-011's.</summary>
    public static IReadOnlyList<(string Requirement, string Name)> Forgeries { get; } =
    [
        ("DIR-010", "unsigned-directory"),
        ("DIR-010", "directory-signature-broken"),
        ("DIR-010", "directory-wrong-type"),
        ("DIR-010", "directory-revoked-relay-key"),
        ("DIR-010", "directory-signed-by-an-insurer"),
        ("DIR-011", "self-vouching-directory"),
    ];

    private static void Serve(InsurerSession session, CheckContext check, string token)
    {
        session.Relay.ServeDirectory(token);
        check.Evidence.RecordInbound(new RecordedExchange("GET", new Uri(session.Relay.Url, RelayStandIn.DirectoryPath).ToString(), "", 200, token));
    }

    /// <summary>
    /// Presents a valid seal from kaigo-b (or <paramref name="seal"/>'s) in an envelope signed with <paramref name="keys"/> (or
    /// kaigo-b's published key) until the target answers
    /// 200 or fetches the directory while handling a presentation; a target still inside its unknown-kid rate limit
    /// (another case's unknown kid may have used it) gets another try each second until the directory wait runs out.
    /// </summary>
    private static async Task<(InquiryExchange Response, bool Fetched)> PresentUntilFetchedAsync(InsurerSession session, CheckContext check, string caseName,
        PartyKeySet? keys, Func<SealFixture, string>? seal = null)
    {
        var time = session.Target.Time;
        var deadline = time.GetUtcNow() + session.Target.DirectoryWait;
        while (true)
        {
            var fixture = session.World.NewFixture();
            var sent = time.GetUtcNow();
            var response = await new InquiryCaller(session.World, check.Evidence)
                .PresentAsync(RequesterId, seal is null ? fixture.Seal(fixture.ValidClaims(EnvelopeSigner.NewId())) : seal(fixture), DefaultItems, InquiryCaller.NewCorrelationId(caseName), signingKeys: keys);
            var fetched = session.Relay.DirectoryFetches.Any(t => t >= sent);
            if (response.Status == 200 || fetched || time.GetUtcNow() >= deadline) return (response, fetched);
            await Task.Delay(TimeSpan.FromSeconds(1), time);
        }
    }
}

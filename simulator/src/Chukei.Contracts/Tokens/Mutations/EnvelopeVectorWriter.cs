using System.Text.Json;
using System.Text.Json.Nodes;
using Chukei.Contracts.Json;

namespace Chukei.Contracts.Tokens.Mutations;

/// <summary>Renders docs/test-vectors/envelopes.json from <see cref="EnvelopeMutations"/>: each row built once, with its receiving context.</summary>
public static class EnvelopeVectorWriter
{
    public const string Request = "request";
    public const string Response = "response";

    public static string Vectors(SealFixture fixture, IEnumerable<EnvelopeMutation> mutations)
    {
        var vectors = new JsonArray();
        foreach (var m in mutations)
        {
            var built = m.Build(fixture);
            var expected = TestVectorWriter.Expected(m.ExpectedCode);
            if (m.ExpectAccepted)
            {
                expected["sender"] = built.Claims.Issuer;
                expected["claims"] = JsonSerializer.SerializeToNode(built.Claims, ProtocolJson.Options);
            }
            var vector = new JsonObject
            {
                ["name"] = m.Name,
                ["description"] = m.Description,
                ["kind"] = m.IsResponse ? Response : Request,
                ["now"] = fixture.NowSeconds,
                ["receiver"] = m.Receiver,
            };
            if (m.IsResponse)
            {
                // AUTH-014: the caller knows whom it called and the jti of its own request.
                vector["calledParty"] = SealFixture.TargetId;
                vector["requestJti"] = EnvelopeMutations.AnsweredRequestJti;
            }
            else
            {
                vector["method"] = m.Method;
                vector["path"] = m.Path;
                vector["presentedBefore"] = new JsonArray([.. built.PresentedBefore.Select(p => (JsonNode)new JsonObject
                {
                    ["method"] = p.Method,
                    ["path"] = p.Path,
                    ["token"] = p.Token,
                    ["expected"] = TestVectorWriter.Expected(p.ExpectedCode),
                })]);
            }
            vector["token"] = built.Token;
            vector["expected"] = expected;
            vectors.Add(vector);
        }
        return TestVectorWriter.ToFileText(new JsonObject
        {
            ["protocol"] = ProtocolConstants.Version,
            ["clockSkewSeconds"] = (long)ProtocolConstants.ClockSkew.TotalSeconds,
            ["maxLifetimeSeconds"] = (long)ProtocolConstants.MaxEnvelopeLifetime.TotalSeconds,
            ["maxRequestLength"] = ProtocolConstants.MaxRequestLength,
            ["maxResponseLength"] = ProtocolConstants.MaxResponseLength,
            ["vectors"] = vectors,
        });
    }
}

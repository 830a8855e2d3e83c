using System.Text;
using Chukei.Contracts.Json;
using Chukei.Contracts.Problems;
using Chukei.Contracts.Tokens;
using Chukei.Contracts.Tokens.Mutations;

namespace Chukei.Contracts.Tests;

[TestFixture]
public sealed class ProtocolJsonTests
{
    private static readonly string ValidClaims = ProtocolJson.Serialize(new SealFixture().ValidClaims("00112233445566778899aabbccddeeff"));

    [Test]
    public void Deserialize_ValidClaims_RoundTrips()
    {
        // Arrange
        var bytes = Encoding.UTF8.GetBytes(ValidClaims);

        // Act
        var claims = ProtocolJson.Deserialize<SealClaims>(bytes, "seal claims");

        // Assert
        Assert.That(ProtocolJson.Serialize(claims), Is.EqualTo(ValidClaims));
    }

    [Test]
    public void Deserialize_DuplicateMember_InvalidField()
    {
        // Arrange
        var json = JsonText.Prepend(ValidClaims, "\"iss\":\"other.chukei.test\"");

        // Act
        var ex = Refusal(() => ProtocolJson.Deserialize<SealClaims>(Encoding.UTF8.GetBytes(json), "seal claims"));

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(ex.Code, Is.EqualTo(ProblemCodes.InvalidField));
            Assert.That(ex.Detail, Does.Contain("twice"));
        });
    }

    [Test]
    public void ParseDocument_DuplicateNestedMember_InvalidField()
    {
        // Arrange
        var json = """{"a":{"b":1,"b":1}}""";

        // Act
        var ex = Refusal(() => ProtocolJson.ParseDocument(Encoding.UTF8.GetBytes(json), "document").Dispose());

        // Assert
        Assert.That(ex.Code, Is.EqualTo(ProblemCodes.InvalidField));
    }

    [Test]
    public void ParseDocument_NestingAtLimit_Parses()
    {
        // Arrange
        var json = Nested(ProtocolConstants.MaxJsonDepth);

        // Act
        using var doc = ProtocolJson.ParseDocument(Encoding.UTF8.GetBytes(json), "document");

        // Assert
        Assert.That(doc.RootElement.GetArrayLength(), Is.EqualTo(1));
    }

    [Test]
    public void ParseDocument_NestingBeyondLimit_JsonTooDeep()
    {
        // Arrange
        var json = Nested(ProtocolConstants.MaxJsonDepth + 1);

        // Act
        var ex = Refusal(() => ProtocolJson.ParseDocument(Encoding.UTF8.GetBytes(json), "document").Dispose());

        // Assert
        Assert.That(ex.Code, Is.EqualTo(ProblemCodes.JsonTooDeep));
    }

    [Test]
    public void Deserialize_NestingBeyondLimitInUnknownMember_JsonTooDeep()
    {
        // Arrange: depth counts even where the member is ignored.
        var json = JsonText.Prepend(ValidClaims, "\"x\":" + Nested(ProtocolConstants.MaxJsonDepth));

        // Act
        var ex = Refusal(() => ProtocolJson.Deserialize<SealClaims>(Encoding.UTF8.GetBytes(json), "seal claims"));

        // Assert
        Assert.That(ex.Code, Is.EqualTo(ProblemCodes.JsonTooDeep));
    }

    [Test]
    public void Deserialize_WrongType_InvalidFieldNamingTheField()
    {
        // Arrange
        var json = ValidClaims.Replace("\"iss\":\"relay.chukei.test\"", "\"iss\":42", StringComparison.Ordinal);

        // Act
        var ex = Refusal(() => ProtocolJson.Deserialize<SealClaims>(Encoding.UTF8.GetBytes(json), "seal claims"));

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(ex.Code, Is.EqualTo(ProblemCodes.InvalidField));
            Assert.That(ex.Field, Does.Contain("iss"));
            Assert.That(ex.Detail, Does.Contain("wrong type"));
        });
    }

    [Test]
    public void Deserialize_NestedWrongType_InvalidFieldNamingThePath()
    {
        // Arrange
        var json = ValidClaims.Replace("\"number\":\"3456\"", "\"number\":3456", StringComparison.Ordinal);

        // Act
        var ex = Refusal(() => ProtocolJson.Deserialize<SealClaims>(Encoding.UTF8.GetBytes(json), "seal claims"));

        // Assert
        Assert.That(ex.Field, Does.Contain("insured").And.Contain("number"));
    }

    [Test]
    public void Deserialize_MissingRequiredMember_InvalidFieldNamingIt()
    {
        // Arrange
        var json = ValidClaims.Replace("\"jti\":\"00112233445566778899aabbccddeeff\",", "", StringComparison.Ordinal);

        // Act
        var ex = Refusal(() => ProtocolJson.Deserialize<SealClaims>(Encoding.UTF8.GetBytes(json), "seal claims"));

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(ex.Code, Is.EqualTo(ProblemCodes.InvalidField));
            Assert.That(ex.Field, Is.EqualTo("/jti"));
        });
    }

    [TestCase("{not json", TestName = "ParseDocument_UnquotedMember_MalformedJson")]
    [TestCase("", TestName = "ParseDocument_Empty_MalformedJson")]
    [TestCase("{\"a\":1} trailing", TestName = "ParseDocument_TrailingText_MalformedJson")]
    [TestCase("{\"a\":", TestName = "ParseDocument_Truncated_MalformedJson")]
    public void ParseDocument_NotWellFormed_MalformedJson(string json)
    {
        // Arrange
        var bytes = Encoding.UTF8.GetBytes(json);

        // Act
        var ex = Refusal(() => ProtocolJson.ParseDocument(bytes, "document").Dispose());

        // Assert
        Assert.That(ex.Code, Is.EqualTo(ProblemCodes.MalformedJson), ex.Detail);
    }

    [TestCase("{not json", TestName = "Deserialize_UnquotedMember_MalformedJson")]
    [TestCase("", TestName = "Deserialize_Empty_MalformedJson")]
    [TestCase("{\"iss\":", TestName = "Deserialize_Truncated_MalformedJson")]
    public void Deserialize_NotWellFormed_MalformedJson(string json)
    {
        // Arrange
        var bytes = Encoding.UTF8.GetBytes(json);

        // Act
        var ex = Refusal(() => ProtocolJson.Deserialize<SealClaims>(bytes, "seal claims"));

        // Assert
        Assert.That(ex.Code, Is.EqualTo(ProblemCodes.MalformedJson), ex.Detail);
    }

    [Test]
    public void Deserialize_ValidClaimsThenTrailingText_MalformedJson()
    {
        // Arrange
        var bytes = Encoding.UTF8.GetBytes(ValidClaims + " trailing");

        // Act
        var ex = Refusal(() => ProtocolJson.Deserialize<SealClaims>(bytes, "seal claims"));

        // Assert
        Assert.That(ex.Code, Is.EqualTo(ProblemCodes.MalformedJson), ex.Detail);
    }

    [Test]
    public void Deserialize_JsonNull_InvalidField()
    {
        // Arrange
        var bytes = "null"u8.ToArray();

        // Act
        var ex = Refusal(() => ProtocolJson.Deserialize<SealClaims>(bytes, "seal claims"));

        // Assert
        Assert.That(ex.Code, Is.EqualTo(ProblemCodes.InvalidField));
    }

    private static string Nested(int depth) => new string('[', depth) + new string(']', depth);

    private static ProtocolException Refusal(Action parse) => Assert.Throws<ProtocolException>(() => parse())!;
}

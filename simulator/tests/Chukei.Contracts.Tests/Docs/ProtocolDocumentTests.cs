using System.Globalization;
using System.Text.RegularExpressions;
using Chukei.Contracts.Problems;
using CsvHelper;
using CsvHelper.Configuration;

namespace Chukei.Contracts.Tests.Docs;

/// <summary>
/// docs/protocol.md, docs/requirements/protocol-v1.csv and the code say the same thing: the same requirement ids and
/// levels, the same failure codes with the same statuses, and the step-④ checks in the order the verifier runs them.
/// </summary>
public sealed partial class ProtocolDocumentTests
{
    private static readonly string Document = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "protocol.md"));

    private static readonly List<RequirementRow> Catalogue = ReadCatalogue();

    private sealed record RequirementRow(string Id, string Level, string Area, string Actor, string Section, string Text, string NotTestedReason);

    private static List<RequirementRow> ReadCatalogue()
    {
        using var reader = new StreamReader(Path.Combine(RepositoryRoot.Path, "docs", "requirements", "protocol-v1.csv"));
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { PrepareHeaderForMatch = a => a.Header.Replace("_", "", StringComparison.Ordinal).ToLowerInvariant() });
        return csv.GetRecords<RequirementRow>().ToList();
    }

    /// <summary>Every <c>**ID** (LEVEL)</c> statement of the document.</summary>
    private static Dictionary<string, string> DocumentStatements()
    {
        var statements = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match m in Statement().Matches(Document))
        {
            Assert.That(statements.TryAdd(m.Groups[1].Value, m.Groups[2].Value), Is.True, $"{m.Groups[1].Value} is stated twice in protocol.md");
        }
        return statements;
    }

    [Test]
    public void Catalogue_AndDocument_ListTheSameRequirementsAtTheSameLevels()
    {
        var statements = DocumentStatements();
        var rows = Catalogue.ToDictionary(r => r.Id, r => r.Level, StringComparer.Ordinal);

        Assert.Multiple(() =>
        {
            Assert.That(rows.Keys.Except(statements.Keys), Is.Empty, "ids in the CSV but not stated in protocol.md");
            Assert.That(statements.Keys.Except(rows.Keys), Is.Empty, "ids stated in protocol.md but missing from the CSV");
            foreach (var (id, level) in statements)
            {
                if (rows.TryGetValue(id, out var csvLevel)) Assert.That(csvLevel, Is.EqualTo(level), $"{id}: level in CSV vs protocol.md");
            }
            Assert.That(Catalogue.Select(r => r.Id).Distinct().Count(), Is.EqualTo(Catalogue.Count), "duplicate ids in the CSV");
            Assert.That(Catalogue.Where(r => r.Area != r.Id[..r.Id.IndexOf('-', StringComparison.Ordinal)]).Select(r => r.Id), Is.Empty, "area is the id's prefix");
        });
    }

    /// <summary>
    /// The reports quote the CSV's text as the requirement, so it must be the document's statement word for word (the
    /// statement's line, with Markdown's backticks, bold and link targets taken out).
    /// </summary>
    [Test]
    public void Catalogue_QuotesEachStatementOfTheDocumentWordForWord()
    {
        var statements = StatementLine().Matches(Document).ToDictionary(m => m.Groups[1].Value, m => Plain(m.Groups[2].Value), StringComparer.Ordinal);

        Assert.Multiple(() =>
        {
            foreach (var row in Catalogue)
            {
                if (statements.TryGetValue(row.Id, out var stated))
                    Assert.That(Plain(row.Text), Is.EqualTo(stated), $"{row.Id}: the CSV's text is not protocol.md's statement");
            }
        });
    }

    private static string Plain(string markdown)
    {
        var text = MarkdownLink().Replace(markdown, "$1").Replace("`", "", StringComparison.Ordinal).Replace("**", "", StringComparison.Ordinal);
        return Whitespace().Replace(text, " ").Trim();
    }

    [Test]
    public void ProblemCodes_AreExactlyTheErrorTableOfTheDocument()
    {
        var table = ErrorRow().Matches(Document).ToDictionary(m => m.Groups[1].Value, m => (Status: int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture), Requirement: m.Groups[3].Value));

        Assert.Multiple(() =>
        {
            Assert.That(table.Keys, Is.EquivalentTo(ProblemCodes.All.Select(c => c.Code)), "codes in §10 vs ProblemCodes.All");
            foreach (var code in ProblemCodes.All)
            {
                if (table.TryGetValue(code.Code, out var row))
                    Assert.That(row, Is.EqualTo((code.Status, code.RequirementId)), $"{code.Code}: status and requirement in §10");
            }
        });
    }

    [Test]
    public void RequirementIds_CitedByTheCode_AreAllInTheCatalogue()
    {
        var known = Catalogue.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var source = Path.Combine(RepositoryRoot.Path, "simulator", "src");
        var cited = System.IO.Directory.GetFiles(source, "*.cs", SearchOption.AllDirectories)
            .SelectMany(f => CitedId().Matches(File.ReadAllText(f)).Select(m => (Id: m.Value, File: Path.GetRelativePath(source, f))))
            .Where(c => !known.Contains(c.Id))
            .Select(c => $"{c.Id} in {c.File}")
            .Distinct()
            .ToList();

        Assert.That(cited, Is.Empty, "requirement ids cited in code comments or problem codes but absent from the catalogue");
    }

    [Test]
    public void StepFourChecks_AreListedInTheOrderTheVerifierAppliesThem()
    {
        var documented = NumberedCheck().Matches(Document).Select(m => m.Groups[1].Value).ToList();
        var sealCodes = ProblemCodes.All.Where(c => c.RequirementId.StartsWith("INS-0", StringComparison.Ordinal)
            && string.CompareOrdinal(c.RequirementId, "INS-011") >= 0 && string.CompareOrdinal(c.RequirementId, "INS-031") <= 0).Select(c => c.RequirementId).ToList();

        Assert.That(documented, Is.EqualTo(sealCodes), "§6.4's numbered list vs the order of the seal problem codes");
    }

    [Test]
    public void Document_StatesTheProfileConstantsTheCodeUses()
    {
        Assert.Multiple(() =>
        {
            foreach (var text in new[]
            {
                ProtocolConstants.SealType, ProtocolConstants.RequestType, ProtocolConstants.ResponseType, ProtocolConstants.CheckpointType,
                ProtocolConstants.DirectoryType, ProtocolConstants.KeyAgreementAlgorithm, ProtocolConstants.ContentEncryption, ProtocolConstants.SignatureAlgorithm,
            })
            {
                Assert.That(Document, Does.Contain(text));
            }
            Assert.That(Document, Does.Contain($"{ProtocolConstants.ClockSkew.TotalSeconds} seconds").Or.Contain($"{ProtocolConstants.ClockSkew.TotalSeconds} s"));
            Assert.That(Document, Does.Contain($"{ProtocolConstants.MaxSealLifetime.TotalSeconds} seconds").Or.Contain($"{ProtocolConstants.MaxSealLifetime.TotalMinutes} min"));
            foreach (var purpose in Purposes.All) Assert.That(Document, Does.Contain($"`{purpose}`"));
        });
    }

    [GeneratedRegex(@"\*\*((?:ID|DIR|AUTH|SEAL|RLY|INS|LOG|ELG|ERR|CLN)-\d{3})\*\* \((MUST|SHOULD|MAY)\)")]
    private static partial Regex Statement();

    /// <summary>A statement's whole line: "- **LOG-003** (MUST) text" or "1. **INS-011** (MUST) text".</summary>
    [GeneratedRegex(@"^\s*(?:[-*]|\d+\.)\s+\*\*([A-Z]+-\d{3})\*\* \((?:MUST|SHOULD|MAY)\) (.*)$", RegexOptions.Multiline)]
    private static partial Regex StatementLine();

    [GeneratedRegex(@"\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^\| `([a-z-]+)` \| (\d{3}) \| ([A-Z]+-\d{3}) \|", RegexOptions.Multiline)]
    private static partial Regex ErrorRow();

    [GeneratedRegex(@"\b(?:ID|DIR|AUTH|SEAL|RLY|INS|LOG|ELG|ERR|CLN)-\d{3}\b")]
    private static partial Regex CitedId();

    [GeneratedRegex(@"^\d+\. \*\*(INS-\d{3})\*\*", RegexOptions.Multiline)]
    private static partial Regex NumberedCheck();
}

using System.Globalization;
using Chukei.Conformance.Insurer;
using Chukei.Conformance.Insurer.Kit;
using Chukei.Conformance.Targets;
using Chukei.Contracts;
using Chukei.Contracts.Client;
using Chukei.Contracts.Directory;
using Chukei.Contracts.Tokens.Mutations;
using Chukei.Contracts.Wire;
using Chukei.Hosting;
using Chukei.Insurers;
using Chukei.Insurers.Records;
using static Chukei.Contracts.Tokens.Mutations.SealFixture;

namespace Chukei.Conformance.References;

/// <summary>
/// The reference insurer configured as a vendor configures theirs for the suite: party kenpo-a.chukei.test with the
/// published test keys, the published directory with the relay's baseUrl pointing at the kit's relay stand-in, and
/// the people of docs/test-vectors/insurer-people.json (the main person the kit's seals name included) in its book.
/// </summary>
public static class ReferenceInsurer
{
    /// <summary>The reference reports before it answers, so a short wait is ample and keeps mutant runs fast.</summary>
    public static readonly TimeSpan ReportWait = TimeSpan.FromSeconds(1);

    /// <summary>The reference fetches at once for an unknown kid (given its short rate limit), so the directory cases need not wait long.</summary>
    public static readonly TimeSpan DirectoryWait = TimeSpan.FromSeconds(3);

    /// <summary>How often the reference fetches the directory for an unknown kid, at most (DIR-009 suggests 10 s; the kit need not wait that long for its own reference).</summary>
    public static readonly TimeSpan UnknownKidInterval = TimeSpan.FromSeconds(1);

    /// <param name="unknownKidInterval">The reference's DIR-009 rate limit; the self-tests, which run the suite some forty times, use zero.</param>
    public static async Task<InsurerTarget> StartAsync(Uri relayUrl, InsurerDefects defects, string listenUrl = "http://127.0.0.1:0", TimeSpan? unknownKidInterval = null)
    {
        var time = TimeProvider.System;
        var fixture = new SealFixture(time.GetUtcNow());
        var directory = new PartyDirectory(RelayId);
        directory.Replace(fixture.Parties.Select(p => p.Id == RelayId ? p with { BaseUrl = relayUrl.ToString().TrimEnd('/') } : p));
        var self = new PartyContext(TargetId, fixture.KeySet(TargetId), directory, time, skippedEnvelopeChecks: defects.SkippedEnvelopeChecks);
        var http = new HttpClient();
        // The insurer keeps its directory current from the relay (the kit's stand-in), as a vendor's must (DIR-009 … DIR-013).
        self.DirectoryRefresher = new DirectoryRefresher(http, relayUrl, directory, self.Verifier, time)
        {
            UnknownKidInterval = unknownKidInterval ?? UnknownKidInterval,
            SkippedChecks = defects.SkippedDirectoryChecks,
        };
        self.DirectoryRefresher.Start();
        var node = new InsurerNode(self, "Test Kenpo A (target)", TargetInsurerNumber, PartyRole.MedicalInsurer,
            new PartyClient(http, self.Signer, self.Verifier, directory)) { Defects = defects };
        AddPeople(node.Book);
        var app = await InsurerHost.StartAsync(new Dictionary<string, InsurerNode>(StringComparer.Ordinal) { [TargetId] = node }, listenUrl);
        var url = new Uri(InsurerHost.BaseUrlOf(app.BoundUrl(), TargetId));
        // The reference serves fall-through notices whatever its kind, so the kit runs the INS-050 cases against it.
        return new InsurerTarget(new ConformanceTarget(url, TargetId))
        {
            Time = time, ReportWait = ReportWait, DirectoryWait = DirectoryWait, ServesFallThroughNotices = true, Owner = new ReferenceHost(app, http, self.DirectoryRefresher),
        };
    }

    private static void AddPeople(InsurerBook book)
    {
        // The people of docs/test-vectors/insurer-people.json, the main person included, each version as registered, or only notified.
        foreach (var person in InsurerPeople.All)
        {
            foreach (var version in person.Versions)
            {
                book.Add(new QualificationFact
                {
                    QualificationId = "q-" + person.Case,
                    PersonKey = "p-" + person.Person,
                    Kind = InsuranceKind.Medical,
                    Symbol = person.Symbol,
                    Number = person.Number,
                    Branch = person.Branch,
                    PersonalFamilyClassification = person.PersonalFamilyClassification,
                    BirthDate = person.BirthDate,
                    CopaymentRatio = person.CopaymentRatio,
                    QualificationDate = version.QualificationDate,
                    DisqualificationDate = version.DisqualificationDate,
                    ReasonOfLoss = version.ReasonOfLoss,
                    NotifiedAt = version.NotifiedAt,
                    RegisteredAt = version.RegisteredAt ?? DateTimeOffset.MaxValue,
                });
            }
            foreach (var benefit in person.Benefits)
                book.AddBenefit("p-" + person.Person, new BenefitRecord { Month = benefit.Month, Kind = "medical", SelfPay = benefit.SelfPay, Reimbursed = benefit.Reimbursed });
        }
    }
}

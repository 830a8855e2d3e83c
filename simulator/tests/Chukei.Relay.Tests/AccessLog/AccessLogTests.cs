using Chukei.Contracts;
using Chukei.Contracts.Envelopes;
using Chukei.Contracts.Json;
using Chukei.Contracts.Wire;
using Chukei.Relay.Store;

namespace Chukei.Relay.Tests.AccessLog;

public sealed class AccessLogTests : NetworkTest
{
    private async Task<LookupAnswer> LookupHanakoAsync(string correlationId = "c1") =>
        (await Network.RequesterFor("ltc-chiyoda").LookupAsync(new LookupRequest
        {
            Subject = new SubjectReference { Ltc = new LtcInsured { InsurerNumber = "131011", InsuredNumber = "0000012345" } },
            TargetKind = InsuranceKind.Medical,
            Purpose = Purposes.LtcMedicalCombined,
            CorrelationId = correlationId,
        })).Answer!;

    private InsurerAccessRecord Record(string id, string? related) => new()
    {
        InsurerEntryId = id, RelayLogEntryId = related, Requester = "ltc-chiyoda", Purpose = Purposes.LtcMedicalCombined,
        Items = [DataItems.Eligibility], Outcome = AccessOutcome.Answered, At = Clock.GetUtcNow(), CorrelationId = "c1",
    };

    [Test]
    public async Task Chain_AfterLookupsAndReports_Verifies()
    {
        var lookup = await LookupHanakoAsync();
        await Network.Insurers["kenpo-chukei"].Client.PostAsync<AccessLogReport, AccessLogReportAnswer>(
            "relay.chukei.test", "/v1/access-log/reports", new AccessLogReport { Entries = [Record("i1", lookup.LogEntryId)] });

        var verification = Network.Relay.Log.Verify();

        Assert.That(verification.Valid, Is.True, verification.Reason);
        Assert.That(verification.Entries, Is.EqualTo(2));
    }

    [Test]
    public async Task Chain_EntryEditedInTheStore_IsDetectedAtThatEntry()
    {
        await LookupHanakoAsync("c1");
        await LookupHanakoAsync("c2");
        await LookupHanakoAsync("c3");
        var store = (SqliteRelayStore)Network.Relay.Store;

        // Someone with database access rewrites who asked.
        store.ExecuteRaw("UPDATE access_log SET json = replace(json, 'ltc-chiyoda', 'ltc-other') WHERE seq = 2");
        var verification = Network.Relay.Log.Verify();

        Assert.That(verification.Valid, Is.False);
        Assert.That(verification.FirstBrokenSeq, Is.EqualTo(2));
    }

    [Test]
    public async Task Chain_EntryDeletedFromTheStore_IsDetected()
    {
        await LookupHanakoAsync("c1");
        await LookupHanakoAsync("c2");
        await LookupHanakoAsync("c3");

        ((SqliteRelayStore)Network.Relay.Store).ExecuteRaw("DELETE FROM access_log WHERE seq = 2");
        var verification = Network.Relay.Log.Verify();

        Assert.That(verification.Valid, Is.False);
        Assert.That(verification.FirstBrokenSeq, Is.EqualTo(2));
    }

    [Test]
    public async Task Report_WithOneUnknownRelayEntry_IsRefusedWholeAndWritesNothing()
    {
        var lookup = await LookupHanakoAsync();
        var before = Network.Relay.Store.LogHead().Seq;

        var response = await Network.Insurers["kenpo-chukei"].Client.PostAsync<AccessLogReport, AccessLogReportAnswer>(
            "relay.chukei.test", "/v1/access-log/reports",
            new AccessLogReport { Entries = [Record("i1", lookup.LogEntryId), Record("i2", "L9999999999-deadbeef")] });

        Assert.That(response.Problem!.Code, Is.EqualTo("log-entry-unknown"));
        Assert.That(response.Problem.Field, Is.EqualTo("/entries/1/relayLogEntryId"));
        Assert.That(Network.Relay.Store.LogHead().Seq, Is.EqualTo(before), "no partial write");
    }

    [Test]
    public async Task Report_ForALookupAboutAnotherInsurer_IsRefused()
    {
        var lookup = await LookupHanakoAsync();

        // kyokai-tokyo was not the target of this lookup, so it cannot claim to have answered it.
        var response = await Network.Insurers["kyokai-tokyo"].Client.PostAsync<AccessLogReport, AccessLogReportAnswer>(
            "relay.chukei.test", "/v1/access-log/reports", new AccessLogReport { Entries = [Record("i1", lookup.LogEntryId)] });

        Assert.That(response.Problem!.Code, Is.EqualTo("log-entry-unknown"));
    }

    [Test]
    public async Task Report_SentTwice_IsRecordedOnce()
    {
        var lookup = await LookupHanakoAsync();
        var client = Network.Insurers["kenpo-chukei"].Client;
        var report = new AccessLogReport { Entries = [Record("i1", lookup.LogEntryId)] };

        var first = await client.PostAsync<AccessLogReport, AccessLogReportAnswer>("relay.chukei.test", "/v1/access-log/reports", report);
        var second = await client.PostAsync<AccessLogReport, AccessLogReportAnswer>("relay.chukei.test", "/v1/access-log/reports", report);

        Assert.That(second.Answer!.EntryIds, Is.EqualTo(first.Answer!.EntryIds));
        Assert.That(Network.Relay.Store.LogHead().Seq, Is.EqualTo(2));
    }

    [Test]
    public async Task PersonQuery_ByTheRequester_IsRefusedBecauseOnlyPortalsReadPeoplesLogs()
    {
        var response = await Network.Insurers["ltc-chiyoda"].Client.PostAsync<PersonAccessLogQuery, PersonAccessLogAnswer>(
            "relay.chukei.test", "/v1/access-log/person-queries", new PersonAccessLogQuery { PersonId = Network.PersonIds["hanako"] });

        Assert.That(response.Status, Is.EqualTo(403));
        Assert.That(response.Problem!.Code, Is.EqualTo("role-not-allowed"));
    }

    [Test]
    public async Task PersonQuery_ShowsOnlyThatPersonsEntriesAndUnreconciledLookups()
    {
        await LookupHanakoAsync();
        await Network.RequesterFor("ltc-chiyoda").LookupAsync(new LookupRequest
        {
            Subject = new SubjectReference { Ltc = new LtcInsured { InsurerNumber = "131011", InsuredNumber = "0000055555" } },
            TargetKind = InsuranceKind.Medical, Purpose = Purposes.LtcMedicalCombined, CorrelationId = "jiro",
        });
        var portal = Network.NewClient(Network.Portal);

        var log = await portal.PostAsync<PersonAccessLogQuery, PersonAccessLogAnswer>(
            "relay.chukei.test", "/v1/access-log/person-queries", new PersonAccessLogQuery { PersonId = Network.PersonIds["hanako"] });

        Assert.That(log.Answer!.Entries.Select(e => e.CorrelationId), Is.EqualTo(new[] { "c1" }));
        Assert.That(log.Answer.Unreconciled, Has.Count.EqualTo(1), "a sealed lookup with no insurer report yet is shown as such");
    }

    [Test]
    public async Task Chain_TailRemovedAfterACheckpoint_IsDetected()
    {
        for (var i = 0; i < ProtocolConstants.CheckpointInterval; i++) await LookupHanakoAsync("c" + i);

        // Removing the newest entry leaves a chain that links perfectly; only the signed checkpoint can tell.
        ((SqliteRelayStore)Network.Relay.Store).ExecuteRaw($"DELETE FROM access_log WHERE seq = {ProtocolConstants.CheckpointInterval}");
        var verification = Network.Relay.Log.Verify();

        Assert.That(verification.Valid, Is.False);
        Assert.That(verification.FirstBrokenSeq, Is.EqualTo(ProtocolConstants.CheckpointInterval));
    }

    [Test]
    public async Task Checkpoint_AfterEveryHundredEntries_IsSignedByTheRelayAndMatchesTheChain()
    {
        for (var i = 0; i < ProtocolConstants.CheckpointInterval; i++) await LookupHanakoAsync("c" + i);

        var token = Network.Relay.Store.LatestCheckpoint()!;
        var verifier = new EnvelopeVerifier("anyone", Network.Directory, new Contracts.Tokens.MemoryReplayCache(Clock), Clock);
        var payload = verifier.VerifyPayload(token, ProtocolConstants.CheckpointType, "relay.chukei.test");
        var checkpoint = ProtocolJson.Deserialize<LogCheckpoint>(System.Text.Encoding.UTF8.GetBytes(payload), "checkpoint");

        Assert.That(checkpoint.Seq, Is.EqualTo(100));
        Assert.That(checkpoint.Hash, Is.EqualTo(Network.Relay.Store.LogHead().Hash));
    }

    [Test]
    public async Task LatestCheckpoint_PastAPeriodicOne_CoversTheNewestEntry()
    {
        // Arrange: the periodic checkpoint at seq 100, then one entry more.
        for (var i = 0; i <= ProtocolConstants.CheckpointInterval; i++) await LookupHanakoAsync("c" + i);
        using var http = new HttpClient();

        // Act (LOG-020: signed on request, not the stored periodic one)
        var token = await http.GetStringAsync(Network.RelayUrl.TrimEnd('/') + "/v1/access-log/checkpoints/latest");

        // Assert
        var verifier = new EnvelopeVerifier("anyone", Network.Directory, new Contracts.Tokens.MemoryReplayCache(Clock), Clock);
        var checkpoint = ProtocolJson.Deserialize<LogCheckpoint>(System.Text.Encoding.UTF8.GetBytes(verifier.VerifyPayload(token, ProtocolConstants.CheckpointType, "relay.chukei.test")), "checkpoint");
        Assert.That(checkpoint.Seq, Is.EqualTo(Network.Relay.Store.LogHead().Seq));
        Assert.That(checkpoint.Seq, Is.GreaterThan(ProtocolConstants.CheckpointInterval));
    }
}

using Chukei.Contracts;
using Chukei.Contracts.Client;
using Chukei.Contracts.Json;
using Chukei.Contracts.Problems;
using Chukei.Contracts.Wire;
using Chukei.Hosting;
using Chukei.Relay.AccessLog;
using Chukei.Relay.CardEligibility;
using Chukei.Relay.Store;

namespace Chukei.Relay;

/// <summary>The relay's state and collaborators: its identity, store, access log and the client it forwards with.</summary>
public sealed class RelayNode : IDisposable
{
    /// <summary>How long the relay waits for a target in routed mode (RLY-021).</summary>
    public static readonly TimeSpan TargetTimeout = TimeSpan.FromSeconds(10);

    public RelayNode(PartyContext self, IRelayStore store, HttpClient http)
    {
        Self = self;
        Store = store;
        Http = http;
        Log = new AccessLogChain(store, self.Signer, self.Time, ReadCheckpoint);
        Client = new PartyClient(http, self.Signer, self.Verifier, self.Directory);
    }

    public PartyContext Self { get; }
    public IRelayStore Store { get; }
    public HttpClient Http { get; }
    public AccessLogChain Log { get; }
    public PartyClient Client { get; }

    /// <summary>Card CAs, card holders and the revocation list, provisioned outside the protocol (CLN-025).</summary>
    public CardRegistry Cards { get; } = new();

    /// <summary>Deliberate defects, for the conformance kit's mutants only; the reference relay has none.</summary>
    public RelayDefects Defects { get; init; } = RelayDefects.None;

    private LogCheckpoint? ReadCheckpoint(string token)
    {
        try
        {
            var payload = Self.Verifier.VerifyPayload(token, ProtocolConstants.CheckpointType, Self.PartyId);
            return ProtocolJson.Deserialize<LogCheckpoint>(System.Text.Encoding.UTF8.GetBytes(payload), "checkpoint");
        }
        catch (ProtocolException)
        {
            return null;
        }
    }

    /// <summary>Registers a person (provisioning, as J-LIS would; not a network call) and returns the new person id.</summary>
    public string RegisterPerson(string basicPensionNumber, string? personId = null)
    {
        personId ??= PersonIds.New();
        Store.AddPerson(personId, basicPensionNumber);
        return personId;
    }

    public void Dispose()
    {
        Cards.Dispose();
        Store.Dispose();
    }
}

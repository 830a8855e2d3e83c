using System.Text.Json.Nodes;
using Chukei.Contracts.Json;
using Chukei.Contracts.Directory;

namespace Chukei.Relay.Endpoints;

/// <summary>
/// For mutation testing only (<see cref="RelayDefects.DirectoryFlaw"/>): the directory document as a mutant relay
/// publishes it, broken in the way one requirement of §3 forbids, so the relay suite can prove its directory cases fail.
/// </summary>
internal static class DirectoryFlaws
{
    public static JsonNode Apply(DirectoryDocument document, string requirementId)
    {
        var root = JsonNode.Parse(ProtocolJson.Serialize(document))!;
        var parties = root["parties"]!.AsArray();
        var insurers = parties.Where(p => p!["role"]!.GetValue<string>() is "medical-insurer" or "ltc-insurer").Select(p => p!).ToList();
        var medical = insurers.Where(p => p["role"]!.GetValue<string>() == "medical-insurer").ToList();
        switch (requirementId)
        {
            case "DIR-001":
                // An insurer without the baseUrl its endpoints are relative to.
                insurers[0].AsObject().Remove("baseUrl");
                break;
            case "DIR-002":
                // A second party with role relay.
                var copy = parties.First(p => p!["role"]!.GetValue<string>() == "relay")!.DeepClone();
                copy["id"] = "relay-standby.chukei.test";
                foreach (var key in copy["keys"]!.AsArray()) key!["kid"] = "relay-standby-" + key["kid"]!.GetValue<string>();
                parties.Add(copy);
                break;
            case "DIR-003":
                // A private member published with a key.
                parties[0]!["keys"]![0]!["d"] = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
                break;
            case "DIR-004":
                // Two keys under one kid.
                medical[1]["keys"]![0]!["kid"] = medical[0]["keys"]![0]!["kid"]!.GetValue<string>();
                break;
            case "DIR-007":
                // Two medical insurers with one insurer number.
                medical[1]["insurerNumber"] = medical[0]["insurerNumber"]!.GetValue<string>();
                break;
            case "ID-008":
                // A party id with an upper-case letter.
                var party = parties.Last()!;
                party["id"] = "X" + party["id"]!.GetValue<string>();
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(requirementId), requirementId, "no directory flaw breaks this requirement");
        }
        return root;
    }
}

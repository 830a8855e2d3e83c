using System.Text;
using Chukei.Contracts;
using Chukei.Contracts.Json;
using Chukei.Contracts.Problems;
using WireMock;
using WireMock.Exceptions;
using WireMock.Server;
using WireMock.Settings;
using WireMock.Types;
using WireMock.Util;

namespace Chukei.Conformance.StandIns;

/// <summary>WireMock.Net responses as the kit's stand-in parties send them: a protocol media type, or a problem document.</summary>
public static class StandInResponses
{
    public static ResponseMessage Text(int status, string mediaType, string body) => new()
    {
        StatusCode = status,
        Headers = new Dictionary<string, WireMockList<string>> { ["Content-Type"] = new(mediaType) },
        BodyData = new BodyData { BodyAsString = body, DetectedBodyType = BodyType.String, Encoding = Encoding.UTF8 },
    };

    public static ResponseMessage JoseText(string token) => Text(200, ProtocolConstants.JoseMediaType, token);

    public static ResponseMessage Problem(ProblemCode code, string? detail) =>
        Text(code.Status, ProtocolConstants.ProblemMediaType, ProtocolJson.Serialize(Contracts.Problems.Problem.From(code, detail)));
}

/// <summary>Starts the WireMock.Net servers the kit's stand-ins run on.</summary>
public static class StandInServer
{
    /// <summary>
    /// Listens on <paramref name="url"/> (port 0 picks a free port) without WireMock's admin interface. A port already
    /// taken is an <see cref="IOException"/> naming the URL, as for any listener the kit starts.
    /// </summary>
    public static WireMockServer Start(string url)
    {
        try
        {
            return WireMockServer.Start(new WireMockServerSettings { Urls = [url], StartAdminInterface = false });
        }
        catch (WireMockException ex)
        {
            throw new IOException(ex.InnerException?.InnerException?.Message ?? ex.Message, ex);
        }
    }
}

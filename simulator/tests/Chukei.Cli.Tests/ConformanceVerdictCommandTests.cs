using System.Xml.Linq;
using Chukei.Hosting;
using Microsoft.AspNetCore.Builder;

namespace Chukei.Cli.Tests;

/// <summary>
/// Issue 21 §1 from the command line: a run in which nothing was violated but a MUST case could not be checked is not
/// conformant. Against a target that answers 404 to everything, ERR-010's case never sees the refusal it is about.
/// </summary>
public sealed class ConformanceVerdictCommandTests : ConsoleTest
{
    private static string FreeLocalUrl()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return $"http://127.0.0.1:{((System.Net.IPEndPoint)listener.LocalEndpoint).Port}";
    }

    [Test]
    public async Task Insurer_AMustCaseUnchecked_ExitsFourAndSaysConformanceIsNotShown()
    {
        // Arrange: a target that serves nothing.
        await using var target = PartyHost.CreateBuilder("http://127.0.0.1:0").Build();
        target.Run(context => { context.Response.StatusCode = 404; return Task.CompletedTask; });
        await target.StartAsync();

        // Act
        var exit = await ChukeiCommand.InvokeAsync(["conformance", "insurer", "--target", target.BoundUrl(), "--relay-url", FreeLocalUrl(),
            "--out", Dir, "--filter", "ERR-010 expired"]);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(4), Out.ToString() + Err);
            Assert.That(Out.ToString(), Does.Contain("? ERR-010 expired — ERR-010: not checked: the seal (expired) must be refused with seal-expired (403)")
                .And.Contain("NOT SHOWN CONFORMANT: 1 MUST case(s) could not be checked"));
            Assert.That(XDocument.Load(Path.Combine(Dir, "junit.xml")).Descendants("error").Count(), Is.EqualTo(1));
        });
    }
}

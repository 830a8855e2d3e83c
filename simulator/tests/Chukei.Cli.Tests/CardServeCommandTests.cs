using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using Chukei.Card;

namespace Chukei.Cli.Tests;

/// <summary>
/// <c>chukei card serve</c> against a stand-in for vpcd (the listening side pcscd's driver plays): what it answers,
/// what it writes, how it waits, reconnects and stops. The real pcscd is driven in Chukei.Card.Tests (RealPcsc).
/// </summary>
public sealed class CardServeCommandTests : ConsoleTest
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private static readonly byte[] GetAtr = [0x00, 0x01, 0x04];
    private static readonly byte[] PowerOn = [0x00, 0x01, 0x01];
    private static readonly byte[] SelectJpki = [0x00, 0x0F, 0x00, 0xA4, 0x04, 0x0C, 0x0A, 0xD3, 0x92, 0xF0, 0x00, 0x26, 0x01, 0x00, 0x00, 0x00, 0x01];

    [TestCase("--vpcd", "35963", "--vpcd")]
    [TestCase("--vpcd", "127.0.0.1:0", "--vpcd")]
    [TestCase("--vpcd", "127.0.0.1:70000", "--vpcd")]
    [TestCase("--vpcd", "no-such-host.invalid:35963", "cannot resolve")]
    [TestCase("--pin", "12a4", "--pin")]
    [TestCase("--pin", "12345", "--pin")]
    [TestCase("--seed", "seven", "seven")]
    public async Task CardServe_BadArgument_ExitsTwoNamingIt(string option, string value, string message)
    {
        var exit = await ChukeiCommand.InvokeAsync(["card", "serve", option, value]);

        Assert.That(exit, Is.EqualTo(2), Out.ToString() + Err);
        Assert.That(Err.ToString(), Does.StartWith("chukei: ").And.Contain(message));
    }

    [Test]
    public async Task CardServe_OutIsAFile_ExitsTwo()
    {
        string file = Path.Combine(Dir, "not-a-directory");
        await File.WriteAllTextAsync(file, "");

        var exit = await ChukeiCommand.InvokeAsync(["card", "serve", "--out", file, "--vpcd", "127.0.0.1:9"]);

        Assert.That(exit, Is.EqualTo(2), Out.ToString() + Err);
        Assert.That(Err.ToString(), Does.Contain("--out"));
    }

    [Test]
    public async Task CardServe_WithVpcd_AnswersAtrAndTracedApdusReconnectsAfterADropAndStopsWithExitZero()
    {
        // Arrange
        using var vpcd = new TcpListener(IPAddress.Loopback, 0);
        vpcd.Start();
        using var stop = new CancellationTokenSource();
        var run = ChukeiCommand.InvokeAsync(
            ["card", "serve", "--vpcd", $"127.0.0.1:{((IPEndPoint)vpcd.LocalEndpoint).Port}", "--out", Dir, "--seed", "7", "--trace"], stop.Token);

        // Act
        byte[] atr;
        byte[] select;
        using (var first = await AcceptAsync(vpcd))
        {
            atr = await ExchangeAsync(first, GetAtr);
            await first.GetStream().WriteAsync(PowerOn);
            select = await ExchangeAsync(first, SelectJpki);
        }

        // Closing the socket is how vpcd drops a card; the card must come back by itself.
        using (var second = await AcceptAsync(vpcd))
        {
            Assert.That(await ExchangeAsync(second, GetAtr), Is.EqualTo(CardOptions.DefaultAtr.ToArray()), "ATR after reconnecting");
        }

        await stop.CancelAsync();
        int exit = await run.WaitAsync(Timeout);

        // Assert
        string output = Snapshot();
        Assert.That(exit, Is.Zero, output + Err);
        Assert.That(atr, Is.EqualTo(CardOptions.DefaultAtr.ToArray()));
        Assert.That(select, Is.EqualTo(new byte[] { 0x90, 0x00 }));
        Assert.That(output, Does.Contain("card: inserted").And.Contain("card: removed").And.Contain("card: stopped"));
        Assert.That(output, Does.Contain("card: command 00 A4 04 0C 0A D3 92 F0").And.Contain("card: response 90 00"), "--trace prints the APDUs");
        using var ca = X509CertificateLoader.LoadCertificateFromFile(Path.Combine(Dir, "kit-ca.pem"));
        using var auth = X509CertificateLoader.LoadCertificateFromFile(Path.Combine(Dir, "auth-certificate.pem"));
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        Assert.That(chain.Build(auth), Is.True, string.Join("; ", chain.ChainStatus.Select(s => s.StatusInformation)));
        Assert.That(output, Does.Contain($"serial {auth.SerialNumber}"), "the status line names the certificate written");
    }

    [Test]
    public async Task CardServe_NoVpcdListening_SaysItIsWaitingAndStopsWithExitZero()
    {
        // Arrange: a port that was free a moment ago, so nothing answers there.
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        using var stop = new CancellationTokenSource();

        // Act
        var run = ChukeiCommand.InvokeAsync(["card", "serve", "--vpcd", $"127.0.0.1:{port}"], stop.Token);
        using var limit = new CancellationTokenSource(Timeout);
        while (!Snapshot().Contains("waiting for vpcd", StringComparison.Ordinal) && !run.IsCompleted)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System, limit.Token);
        }

        await stop.CancelAsync();
        int exit = await run.WaitAsync(Timeout);

        // Assert
        Assert.That(exit, Is.Zero, Snapshot() + Err);
        Assert.That(Snapshot(), Does.Contain($"waiting for vpcd at 127.0.0.1:{port}").And.Contain("card: stopped"));
    }

    private static async Task<TcpClient> AcceptAsync(TcpListener listener)
    {
        using var limit = new CancellationTokenSource(Timeout);
        return await listener.AcceptTcpClientAsync(limit.Token);
    }

    /// <summary>Sends one vpcd frame (already length-prefixed) and reads the card's framed reply.</summary>
    private static async Task<byte[]> ExchangeAsync(TcpClient card, byte[] frame)
    {
        using var limit = new CancellationTokenSource(Timeout);
        var stream = card.GetStream();
        await stream.WriteAsync(frame, limit.Token);
        byte[] header = new byte[2];
        await stream.ReadExactlyAsync(header, limit.Token);
        byte[] payload = new byte[(header[0] << 8) | header[1]];
        await stream.ReadExactlyAsync(payload, limit.Token);
        return payload;
    }

    /// <summary>The console so far; the command writes from other threads, and the synchronised writer is the lock they take.</summary>
    private string Snapshot()
    {
        lock (Console.Out)
        {
            return Out.ToString();
        }
    }
}

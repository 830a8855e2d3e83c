using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Chukei.Card.Apdu;
using Chukei.Card.Logging;

namespace Chukei.Card.Tests.PcscStack;

/// <summary>
/// The virtual card through the real PC/SC stack, with tools nobody here wrote: pcscd and vsmartcard's vpcd driver as
/// the resource manager and reader, OpenSC's opensc-tool as the application, openssl as the verifier. What the fake-vpcd
/// transport tests cannot show is shown here: that pcscd accepts the card's ATR and framing, and that a PC/SC client
/// gets the certificate and a signature a standard tool verifies.
/// </summary>
[Category("RealPcsc")]
[NonParallelizable]
public sealed class RealPcscTests
{
    private const string ReaderName = "Virtual PCD 00 00";
    private static readonly TimeSpan ReaderTimeout = TimeSpan.FromSeconds(15);

    private PcscToolchain _tools = null!;
    private PcscdProcess? _pcscd;
    private OpenscTool _opensc = null!;
    private CardInVpcdReader? _card;
    private string _workDirectory = null!;

    [OneTimeSetUp]
    public async Task StartPcscd()
    {
        _tools = await PcscToolchain.RequireAsync();
        _pcscd = await PcscdProcess.StartAsync(_tools);
        _opensc = new OpenscTool(_tools.OpenscTool);
        try
        {
            await _opensc.WaitForReaderAsync(ReaderName, _ => true, ReaderTimeout, () => $"pcscd (exited: {_pcscd.HasExited}):\n{_pcscd.Log}");
        }
        catch
        {
            // A failed one-time set-up is not followed by its tear-down in every runner; pcscd must not outlive the run.
            await StopPcscd();
            throw;
        }
    }

    [OneTimeTearDown]
    public async Task StopPcscd()
    {
        if (_pcscd is not null)
        {
            await _pcscd.DisposeAsync();
            _pcscd = null;
        }
    }

    [SetUp]
    public void CreateWorkDirectory() => _workDirectory = Directory.CreateTempSubdirectory("chukei-pcsc-").FullName;

    [TearDown]
    public async Task RemoveCard()
    {
        if (TestContext.CurrentContext.Result.Outcome.Status == NUnit.Framework.Interfaces.TestStatus.Failed)
        {
            await TestContext.Out.WriteLineAsync($"opensc-tool transcript:\n{string.Join('\n', _opensc.Transcript)}\ncard log:\n{_card?.LogText}\npcscd log:\n{_pcscd?.Log}");
        }

        if (_card is not null)
        {
            await _card.DisposeAsync();
            _card = null;
            // The next test's card must not be mistaken for this one, so wait until pcscd has seen the removal.
            await _opensc.WaitForReaderAsync(ReaderName, reader => !reader.HasCard, ReaderTimeout);
        }

        _opensc.Transcript.Clear();
        Directory.Delete(_workDirectory, recursive: true);
    }

    [Test]
    public async Task OpenscTool_ClinicSignaturePath_CertificateChainsToKitCaAndOpensslVerifiesTheSignature()
    {
        // Arrange
        var stopwatch = Stopwatch.StartNew();
        int reader = await InsertFreshCardAsync();
        byte[] hash = SHA256.HashData(RandomNumberGenerator.GetBytes(32));
        byte[][] reads = CertificateReads(await ReadCertificateLengthAsync(reader));
        byte[][] commands =
        [
            Apdus.SelectJpki(), Apdus.SelectFile(0x000A), .. reads,
            Apdus.SelectFile(0x0018), Apdus.VerifyQuery(), Apdus.Verify("1234"),
            Apdus.SelectFile(0x0017), Apdus.Sign(Apdus.Sha256DigestInfo(hash)),
        ];

        // Act: one opensc-tool run, so the PIN verified is still verified when the card signs.
        var exchanges = await _opensc.TransmitAsync(reader, commands);

        // Assert
        ushort[] expected = [.. Enumerable.Repeat(StatusWords.Success, 2 + reads.Length + 1), 0x63C3, StatusWords.Success, StatusWords.Success, StatusWords.Success];
        Assert.That(exchanges.Select(e => e.StatusWord), Is.EqualTo(expected), "status words, in order");
        byte[] certificate = [.. exchanges.Skip(2).Take(reads.Length).SelectMany(e => e.Data)];
        byte[] signature = exchanges[^1].Data;
        Assert.That(certificate, Is.EqualTo(TestCards.Credentials.AuthCertificate.ToArray()), "the certificate reassembled from opensc-tool's output is the card's");
        Assert.That(signature, Has.Length.EqualTo(256));
        Assert.That(_card!.Log.Any(e => e.Direction == ApduDirection.Command && e.Bytes.Span.StartsWith((byte[])[0x80, 0x2A, 0x00, 0x80])),
            "the signature command reached the virtual card");

        string certificatePem = Write("auth-certificate.pem", PemEncoding.WriteString("CERTIFICATE", certificate));
        string caPem = Write("kit-ca.pem", PemEncoding.WriteString("CERTIFICATE", TestCards.Ca.CertificateDer.Span));
        string hashFile = Write("hash.bin", hash);
        string signatureFile = Write("signature.bin", signature);
        signature[100] ^= 0x01;
        string flippedFile = Write("signature-flipped.bin", signature);
        string atTime = TestCards.Now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

        using var otherCa = Pki.KitCertificateAuthority.Create(new Microsoft.Extensions.Time.Testing.FakeTimeProvider(TestCards.Now));
        string otherCaPem = Write("other-ca.pem", PemEncoding.WriteString("CERTIFICATE", otherCa.CertificateDer.Span));

        var chain = await Openssl("verify", "-x509_strict", "-attime", atTime, "-CAfile", caPem, certificatePem);
        var otherChain = await Openssl("verify", "-x509_strict", "-attime", atTime, "-CAfile", otherCaPem, certificatePem);
        var verified = await Openssl("pkeyutl", "-verify", "-certin", "-inkey", certificatePem, "-pkeyopt", "digest:sha256", "-in", hashFile, "-sigfile", signatureFile);
        var flipped = await Openssl("pkeyutl", "-verify", "-certin", "-inkey", certificatePem, "-pkeyopt", "digest:sha256", "-in", hashFile, "-sigfile", flippedFile);
        Assert.Multiple(() =>
        {
            Assert.That(chain.ExitCode, Is.Zero, chain.ToString());
            Assert.That(chain.StandardOutput, Does.Contain(": OK"), chain.ToString());
            Assert.That(otherChain.ExitCode, Is.Not.Zero, "openssl must reject the chain to a CA of the same name but another key, or its OK above proves nothing");
            Assert.That(verified.ExitCode, Is.Zero, verified.ToString());
            Assert.That(verified.StandardOutput, Does.Contain("Signature Verified Successfully"), verified.ToString());
            Assert.That(flipped.ExitCode, Is.Not.Zero, "openssl must reject a signature with one bit flipped, or its success above proves nothing");
            Assert.That(flipped.StandardOutput + flipped.StandardError, Does.Contain("Signature Verification Failure"), flipped.ToString());
        });
        await TestContext.Out.WriteLineAsync($"real PC/SC clinic path: {commands.Length} APDUs in one opensc-tool run, {certificate.Length}-byte certificate in {reads.Length} chunks, {stopwatch.Elapsed.TotalSeconds:F2} s");
    }

    [Test]
    public async Task OpenscTool_WrongAuthPin_Answers63C2AndTheRightPinResetsTheCounter()
    {
        // Arrange
        int reader = await InsertFreshCardAsync();
        byte[][] commands =
        [
            Apdus.SelectJpki(), Apdus.SelectFile(0x0018),
            Apdus.VerifyQuery(), Apdus.Verify("9999"), Apdus.VerifyQuery(), Apdus.Verify("1234"), Apdus.VerifyQuery(),
        ];

        // Act
        var exchanges = await _opensc.TransmitAsync(reader, commands);

        // Assert: 3 tries, one spent, then the right PIN restores all 3 (consecutive failures only, anchors §6).
        Assert.That(exchanges.Select(e => e.StatusWord), Is.EqualTo(new ushort[] { 0x9000, 0x9000, 0x63C3, 0x63C2, 0x63C2, 0x9000, 0x63C3 }));
        Assert.That(_card!.LogText, Does.Not.Contain("39 39 39 39").And.Not.Contain("31 32 33 34"), "PINs are masked in the card's log");
    }

    [Test]
    public async Task Pkcs11Tool_OpenscMiddlewareSigns_SignatureVerifiesWithTheCertificateReadThroughPkcs11()
    {
        // Arrange: what most clinic software does, a PKCS#11 login and sign, through OpenSC's own JPKI driver.
        int reader = await InsertFreshCardAsync();
        string message = Write("message.txt", $"nonce {Convert.ToHexString(RandomNumberGenerator.GetBytes(16))}");
        string otherMessage = Write("other-message.txt", "a message the card did not sign");
        string signatureFile = Path.Combine(_workDirectory, "signature.bin");
        string certificateFile = Path.Combine(_workDirectory, "auth-certificate.der");
        string slot = reader.ToString(CultureInfo.InvariantCulture);

        // Act
        var readCertificate = await Pkcs11Tool("--slot-index", slot, "--read-object", "--type", "cert", "--id", "01", "-o", certificateFile);
        var sign = await Pkcs11Tool("--slot-index", slot, "--login", "--pin", "1234", "--sign", "--mechanism", "SHA256-RSA-PKCS", "--id", "01",
            "-i", message, "-o", signatureFile);

        // Assert
        Assert.That(readCertificate.ExitCode, Is.Zero, readCertificate.ToString());
        Assert.That(sign.ExitCode, Is.Zero, sign.ToString());
        Assert.That(await File.ReadAllBytesAsync(certificateFile), Is.EqualTo(TestCards.Credentials.AuthCertificate.ToArray()));
        string publicKey = Path.Combine(_workDirectory, "auth-public-key.pem");
        var extract = await Openssl("x509", "-inform", "DER", "-in", certificateFile, "-pubkey", "-noout", "-out", publicKey);
        Assert.That(extract.ExitCode, Is.Zero, extract.ToString());
        var verified = await Openssl("dgst", "-sha256", "-verify", publicKey, "-signature", signatureFile, message);
        var wrongMessage = await Openssl("dgst", "-sha256", "-verify", publicKey, "-signature", signatureFile, otherMessage);
        var commands = _card!.Log.Where(e => e.Direction == ApduDirection.Command).Select(e => e.Bytes.ToArray()).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(verified.StandardOutput, Does.Contain("Verified OK"), verified.ToString());
            Assert.That(wrongMessage.ExitCode, Is.Not.Zero, "openssl must reject the signature for another message");
            Assert.That(commands.Any(c => c.AsSpan().StartsWith((byte[])[0x00, 0x20, 0x00, 0x80, 0x04])), Is.True, "the middleware verified the PIN on the card");
            Assert.That(commands.Any(c => c.AsSpan().StartsWith((byte[])[0x80, 0x2A, 0x00, 0x80])), Is.True, "the middleware signed with the JPKI command");
        });
    }

    /// <summary>Plugs a card with fresh PIN counters into slot 0 and waits until pcscd reports it; returns opensc-tool's reader number.</summary>
    private async Task<int> InsertFreshCardAsync()
    {
        _card = new CardInVpcdReader(TestCards.Create());
        var reader = await _opensc.WaitForReaderAsync(ReaderName, r => r.HasCard, ReaderTimeout, () => $"pcscd log:\n{_pcscd?.Log}");
        return reader.Number;
    }

    /// <summary>The certificate's header first: its DER length decides how many READ BINARY chunks follow (anchors §3.5).</summary>
    private async Task<int> ReadCertificateLengthAsync(int reader)
    {
        var header = await _opensc.TransmitAsync(reader, [Apdus.SelectJpki(), Apdus.SelectFile(0x000A), Apdus.ReadBinary(0, 4)]);
        Assert.That(header.Select(e => e.StatusWord), Is.All.EqualTo(StatusWords.Success), "certificate header");
        byte[] der = header[2].Data;
        Assert.That(der[..2], Is.EqualTo(new byte[] { 0x30, 0x82 }), "a certificate is a SEQUENCE with a two-byte length");
        return ((der[2] << 8) | der[3]) + 4;
    }

    /// <summary>READ BINARY in chunks of up to 256 bytes, the offset in P1P2 and Le 00 for a full chunk.</summary>
    private static byte[][] CertificateReads(int length) =>
        [.. Enumerable.Range(0, (length + 255) / 256).Select(chunk => Apdus.ReadBinary(chunk * 256, Math.Min(256, length - (chunk * 256)) % 256))];

    private Task<ToolResult> Pkcs11Tool(params string[] arguments) => ExternalTool.RunAsync(_tools.Pkcs11Tool, ["--module", _tools.Pkcs11Module, .. arguments]);

    private Task<ToolResult> Openssl(params string[] arguments) => ExternalTool.RunAsync(_tools.Openssl, arguments);

    private string Write(string name, string content)
    {
        string path = Path.Combine(_workDirectory, name);
        File.WriteAllText(path, content);
        return path;
    }

    private string Write(string name, byte[] content)
    {
        string path = Path.Combine(_workDirectory, name);
        File.WriteAllBytes(path, content);
        return path;
    }
}

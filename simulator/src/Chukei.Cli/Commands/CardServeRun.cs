using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Chukei.Card;
using Chukei.Card.Pki;
using Chukei.Card.Transport;

namespace Chukei.Cli.Commands;

/// <summary>
/// One <c>chukei card serve</c> run: issue the card, write its certificates, then keep it in the vpcd reader, waiting
/// while vpcd is not listening and reconnecting after pcscd drops it, until cancelled (Ctrl+C, SIGTERM).
/// </summary>
public sealed class CardServeRun(CardServeOptions options, TimeProvider time)
{
    public const string AuthCertificateFile = "auth-certificate.pem";
    public const string SigningCertificateFile = "signing-certificate.pem";
    public const string KitCaFile = "kit-ca.pem";

    /// <summary>How long the card stays out between attempts: jCardSim's reloader pause (anchors §2 rule 4).</summary>
    public static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    public async Task<int> RunAsync(CancellationToken ct)
    {
        using var ca = KitCertificateAuthority.Create(time, KitCertificateAuthority.DefaultCommonName, caKey: null, options.Seed);
        using var credentials = ca.IssueCard(options.Holder);
        if (options.Out is { } directory && !TryWriteCertificates(directory, ca, credentials))
        {
            return ExitCodes.Invalid;
        }

        var card = new VirtualCard(new CardProfile
        {
            Face = new CardFace(options.Holder, "東京都千代田区霞が関1-2-2", "19800401", "9", ReadOnlyMemory<byte>.Empty),
            Credentials = credentials,
            AuthPin = options.AuthPin,
        }, time: time);
        if (options.Trace)
        {
            card.ApduLogged += (_, e) => Console.WriteLine($"card: {e.Direction.ToString().ToLowerInvariant()} {e.Text}");
        }

        using var authCertificate = X509CertificateLoader.LoadCertificate(credentials.AuthCertificate.Span);
        string endpoint = $"{options.VpcdHost}:{options.VpcdPort}";
        Console.WriteLine($"card: JPKI card, ATR {Convert.ToHexString(card.Atr.Span)}, auth PIN {options.AuthPin}, " +
            $"auth certificate {authCertificate.Subject} serial {authCertificate.SerialNumber}" +
            (options.Out is null ? "" : $" (PEM in {options.Out.FullName})") + $"; vpcd {endpoint}; Ctrl+C stops");

        await using var client = new VpcdClient(card, new VpcdOptions { Host = options.VpcdHost, Port = options.VpcdPort }, time);
        bool waiting = false;
        try
        {
            while (true)
            {
                try
                {
                    await client.InsertAsync(ct);
                }
                catch (SocketException exception)
                {
                    if (!waiting)
                    {
                        // Said once per outage, not once per attempt: pcscd may legitimately start after the card.
                        Console.WriteLine($"card: waiting for vpcd at {endpoint} ({exception.SocketErrorCode}); is pcscd running with vsmartcard-vpcd?");
                        waiting = true;
                    }

                    await Task.Delay(RetryDelay, time, ct);
                    continue;
                }

                waiting = false;
                Console.WriteLine($"card: inserted (connected to vpcd at {endpoint})");
                await client.RunAsync(ct);
                ct.ThrowIfCancellationRequested();
                Console.WriteLine("card: removed (vpcd closed the connection: pcscd stopped or restarted); reconnecting");
                await Task.Delay(RetryDelay, time, ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            Console.WriteLine("card: stopped");
        }

        return ExitCodes.Ok;
    }

    private static bool TryWriteCertificates(DirectoryInfo directory, KitCertificateAuthority ca, CardCredentials credentials)
    {
        try
        {
            directory.Create();
            File.WriteAllText(Path.Combine(directory.FullName, AuthCertificateFile), PemEncoding.WriteString("CERTIFICATE", credentials.AuthCertificate.Span));
            File.WriteAllText(Path.Combine(directory.FullName, SigningCertificateFile), PemEncoding.WriteString("CERTIFICATE", credentials.SigningCertificate.Span));
            File.WriteAllText(Path.Combine(directory.FullName, KitCaFile), PemEncoding.WriteString("CERTIFICATE", ca.CertificateDer.Span));
            return true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"chukei: --out: cannot write the certificates to {directory.FullName}: {exception.Message}");
            return false;
        }
    }
}
